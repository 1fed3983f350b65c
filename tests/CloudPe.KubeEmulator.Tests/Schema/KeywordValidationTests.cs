using static CloudPe.KubeEmulator.Tests.Schema.SchemaTestKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

public sealed class KeywordValidationTests
{
    private const string VolumeSpec = """
        {"type":"object","properties":{"volume":{"type":"object","required":["sizeGiB"],"properties":{
          "sizeGiB":{"type":"integer","minimum":1,"maximum":1000},
          "storagePolicy":{"type":"string","maxLength":63}}}}}
        """;

    [Fact]
    public void Minimum_violation_has_kubernetes_field_type_and_message()
    {
        var error = Single(ApplySpec(CompileSpec(VolumeSpec), """{"volume":{"sizeGiB":0}}"""));

        Assert.Equal("spec.volume.sizeGiB", error.Field);
        Assert.Equal("FieldValueInvalid", error.Type);
        Assert.Equal("Invalid value: 0: spec.volume.sizeGiB in body should be greater than or equal to 1", error.Message);
    }

    [Fact]
    public void Maximum_violation_is_reported()
    {
        var error = Single(ApplySpec(CompileSpec(VolumeSpec), """{"volume":{"sizeGiB":1001}}"""));

        Assert.Equal("Invalid value: 1001: spec.volume.sizeGiB in body should be less than or equal to 1000", error.Message);
    }

    [Fact]
    public void Exclusive_bounds_reject_the_bound_itself()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"n":{"type":"number","minimum":0,"exclusiveMinimum":true,"maximum":10,"exclusiveMaximum":true}}}""");

        Assert.Equal("Invalid value: 0: spec.n in body should be greater than 0", Single(ApplySpec(schema, """{"n":0}""")).Message);
        Assert.Equal("Invalid value: 10: spec.n in body should be less than 10", Single(ApplySpec(schema, """{"n":10}""")).Message);
        Assert.Empty(ApplySpec(schema, """{"n":9.5}"""));
    }

    [Fact]
    public void Missing_required_field_is_required_value()
    {
        var error = Single(ApplySpec(CompileSpec(VolumeSpec), """{"volume":{}}"""));

        Assert.Equal(new("spec.volume.sizeGiB", "FieldValueRequired", "Required value"), error);
    }

    [Fact]
    public void Required_at_root_uses_the_plain_field_name()
    {
        var schema = Compile("""{"type":"object","required":["spec"],"properties":{"spec":{"type":"object"}}}""");

        var error = Single(schema.Apply(Object("""{"apiVersion":"v1","kind":"X","metadata":{"name":"a"}}"""), null));

        Assert.Equal("spec", error.Field);
        Assert.Equal("Required value", error.Message);
    }

    [Fact]
    public void String_enum_lists_supported_values()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"ipMode":{"type":"string","enum":["IPv4","IPv6","DualStack"]}}}""");

        var error = Single(ApplySpec(schema, """{"ipMode":"Foo"}"""));

        Assert.Equal("spec.ipMode", error.Field);
        Assert.Equal("FieldValueNotSupported", error.Type);
        Assert.Equal("Unsupported value: \"Foo\": supported values: \"IPv4\", \"IPv6\", \"DualStack\"", error.Message);
    }

    [Fact]
    public void Integer_enum_quotes_the_json_of_each_allowed_value()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"n":{"type":"integer","enum":[1,2]}}}""");

        Assert.Equal("Unsupported value: 3: supported values: \"1\", \"2\"", Single(ApplySpec(schema, """{"n":3}""")).Message);
        Assert.Empty(ApplySpec(schema, """{"n":2}"""));
    }

    [Fact]
    public void Wrong_type_is_type_invalid_with_the_actual_json_type()
    {
        var error = Single(ApplySpec(CompileSpec(VolumeSpec), """{"volume":{"sizeGiB":"string"}}"""));

        Assert.Equal("spec.volume.sizeGiB", error.Field);
        Assert.Equal("FieldValueTypeInvalid", error.Type);
        Assert.Equal("Invalid value: \"string\": spec.volume.sizeGiB in body must be of type integer: \"string\"", error.Message);
    }

    [Fact]
    public void Integer_accepts_a_whole_float_but_not_a_fraction()
    {
        var schema = CompileSpec(VolumeSpec);

        Assert.Empty(ApplySpec(schema, """{"volume":{"sizeGiB":3.0}}"""));
        Assert.Equal("Invalid value: \"number\": spec.volume.sizeGiB in body must be of type integer: \"number\"",
            Single(ApplySpec(schema, """{"volume":{"sizeGiB":3.5}}""")).Message);
    }

    [Fact]
    public void Number_accepts_integers_and_boolean_rejects_strings()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"n":{"type":"number"},"b":{"type":"boolean"}}}""");

        Assert.Empty(ApplySpec(schema, """{"n":3,"b":false}"""));
        Assert.Equal("Invalid value: \"string\": spec.b in body must be of type boolean: \"string\"",
            Single(ApplySpec(schema, """{"b":"true"}""")).Message);
    }

    [Fact]
    public void Max_length_is_too_long_without_the_value()
    {
        var error = Single(ApplySpec(CompileSpec(VolumeSpec), """{"volume":{"sizeGiB":1,"storagePolicy":""" + "\"" + new string('x', 64) + "\"}}"));

        Assert.Equal(new("spec.volume.storagePolicy", "FieldValueTooLong", "Too long: may not be more than 63 bytes"), error);
    }

    [Fact]
    public void Length_counts_characters_not_utf8_bytes()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"s":{"type":"string","maxLength":3,"minLength":2}}}""");

        Assert.Empty(ApplySpec(schema, """{"s":"été"}"""));
        Assert.Equal("Invalid value: \"é\": spec.s in body should be at least 2 chars long", Single(ApplySpec(schema, """{"s":"é"}""")).Message);
    }

    [Fact]
    public void Pattern_mismatch_quotes_the_pattern()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"hostname":{"type":"string","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}}}""");

        var error = Single(ApplySpec(schema, """{"hostname":"Web_01"}"""));

        Assert.Equal("FieldValueInvalid", error.Type);
        Assert.Equal("Invalid value: \"Web_01\": spec.hostname in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'", error.Message);
        Assert.Empty(ApplySpec(schema, """{"hostname":"web-01"}"""));
    }

    [Fact]
    public void Date_time_format_is_checked_and_unknown_or_numeric_formats_are_ignored()
    {
        var schema = CompileSpec("""
            {"type":"object","properties":{"at":{"type":"string","format":"date-time"},
             "other":{"type":"string","format":"no-such-format"},"n":{"type":"integer","format":"int32"}}}
            """);

        Assert.Empty(ApplySpec(schema, """{"at":"2026-11-29T10:00:00Z","other":"anything","n":9999999999}"""));
        var error = Single(ApplySpec(schema, """{"at":"yesterday"}"""));
        Assert.Equal("FieldValueTypeInvalid", error.Type);
        Assert.Equal("Invalid value: \"yesterday\": spec.at in body must be of type date-time: \"yesterday\"", error.Message);
    }

    [Theory]
    [InlineData("byte", "aGVsbG8=", "not base64!")]
    [InlineData("uri", "https://example.com/x", "not a uri")]
    [InlineData("uuid", "6f0c1a52-4d7e-4b1e-9a61-2f3c4d5e6f70", "6f0c")]
    [InlineData("ipv4", "203.0.113.10", "203.0.113")]
    [InlineData("ipv6", "2001:db8::10", "203.0.113.10")]
    public void String_formats_accept_good_and_reject_bad_values(string format, string good, string bad)
    {
        var schema = CompileSpec("""{"type":"object","properties":{"v":{"type":"string","format":""" + "\"" + format + "\"}}}");

        Assert.Empty(ApplySpec(schema, $$"""{"v":"{{good}}"}"""));
        Assert.Equal("FieldValueTypeInvalid", Single(ApplySpec(schema, $$"""{"v":"{{bad}}"}""")).Type);
    }

    [Fact]
    public void Item_counts_use_too_many_and_invalid()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"list":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"string"}}}}""");

        Assert.Equal(new("spec.list", "FieldValueTooMany", "Too many: 3: must have at most 2 items"), Single(ApplySpec(schema, """{"list":["a","b","c"]}""")));
        Assert.Equal("Invalid value: 0: spec.list in body should have at least 1 items", Single(ApplySpec(schema, """{"list":[]}""")).Message);
    }

    [Fact]
    public void Array_item_errors_carry_the_index()
    {
        var schema = CompileSpec("""
            {"type":"object","properties":{"list":{"type":"array","items":{"type":"object","required":["name"],
             "properties":{"name":{"type":"string","maxLength":3}}}}}}
            """);

        var errors = ApplySpec(schema, """{"list":[{"name":"ok"},{"name":"too-long"},{}]}""");

        Assert.Equal(["spec.list[1].name", "spec.list[2].name"], errors.Select(e => e.Field));
        Assert.Equal(["FieldValueTooLong", "FieldValueRequired"], errors.Select(e => e.Type));
    }

    [Fact]
    public void Map_values_are_validated_by_additional_properties()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string","maxLength":3}}}}""");

        var error = Single(ApplySpec(schema, """{"labels":{"app":"web","tier":"frontend"}}"""));

        Assert.Equal("spec.labels.tier", error.Field);
        Assert.Equal("FieldValueTooLong", error.Type);
    }

    [Fact]
    public void Property_counts_are_enforced()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"m":{"type":"object","minProperties":1,"maxProperties":2,"additionalProperties":{"type":"string"}}}}""");

        Assert.Equal("Too many: 3: must have at most 2 items", Single(ApplySpec(schema, """{"m":{"a":"1","b":"2","c":"3"}}""")).Message);
        Assert.Equal("Invalid value: 0: spec.m in body should have at least 1 properties", Single(ApplySpec(schema, """{"m":{}}""")).Message);
    }

    [Fact]
    public void Multiple_of_is_enforced()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"n":{"type":"integer","multipleOf":5}}}""");

        Assert.Empty(ApplySpec(schema, """{"n":15}"""));
        Assert.Equal("Invalid value: 7: spec.n in body should be a multiple of 5", Single(ApplySpec(schema, """{"n":7}""")).Message);
    }

    [Fact]
    public void Nullable_field_accepts_null_and_non_nullable_null_is_dropped()
    {
        var schema = CompileSpec("""{"type":"object","required":["b"],"properties":{"a":{"type":"string","nullable":true},"b":{"type":"string"}}}""");
        var obj = Resource("""{"a":null,"b":null}""");

        var error = Single(schema.Apply(obj, null));

        Assert.Equal(new("spec.b", "FieldValueRequired", "Required value"), error);
        Assert.True(obj["spec"]!.AsObject().ContainsKey("a"));
        Assert.False(obj["spec"]!.AsObject().ContainsKey("b"));
    }

    [Fact]
    public void Null_list_item_of_non_nullable_type_is_type_invalid()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"list":{"type":"array","items":{"type":"string"}}}}""");

        Assert.Equal("Invalid value: \"null\": spec.list[0] in body must be of type string: \"null\"", Single(ApplySpec(schema, """{"list":[null]}""")).Message);
    }

    [Fact]
    public void Int_or_string_accepts_both_and_rejects_others()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}}}""");

        Assert.Empty(ApplySpec(schema, """{"port":8080}"""));
        Assert.Empty(ApplySpec(schema, """{"port":"http"}"""));
        Assert.Equal("FieldValueTypeInvalid", ApplySpec(schema, """{"port":true}""")[0].Type);
    }

    [Fact]
    public void Any_of_one_of_and_not_are_evaluated()
    {
        var schema = CompileSpec("""
            {"type":"object","properties":{
              "a":{"type":"string","anyOf":[{"maxLength":1},{"pattern":"^x"}]},
              "o":{"type":"integer","oneOf":[{"minimum":0},{"minimum":10}]},
              "n":{"type":"string","not":{"pattern":"^admin$"}}}}
            """);

        Assert.Empty(ApplySpec(schema, """{"a":"xyz","o":5,"n":"user"}"""));
        var errors = ApplySpec(schema, """{"a":"abc","o":11,"n":"admin"}""");
        Assert.Equal(
            [
                "Invalid value: \"\": \"spec.a\" must validate at least one schema (anyOf)",
                "Invalid value: \"\": \"spec.n\" must not validate the schema (not)",
                "Invalid value: \"\": \"spec.o\" must validate one and only one schema (oneOf)",
            ],
            errors.Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Set_lists_reject_duplicates()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}""");

        Assert.Equal(new("spec.tags[2]", "FieldValueDuplicate", "Duplicate value: \"a\""), Single(ApplySpec(schema, """{"tags":["a","b","a"]}""")));
    }

    [Fact]
    public void Embedded_resource_needs_api_version_and_kind()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}""");

        var errors = ApplySpec(schema, """{"template":{"metadata":{"name":"x"}}}""");

        Assert.Equal(["spec.template.apiVersion", "spec.template.kind"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("Required value: must not be empty", e.Message));
        Assert.Empty(ApplySpec(schema, """{"template":{"apiVersion":"v1","kind":"ConfigMap"}}"""));
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var errors = ApplySpec(CompileSpec(VolumeSpec), """{"volume":{"sizeGiB":0,"storagePolicy":""" + "\"" + new string('x', 70) + "\"}}");

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Metadata_is_not_validated()
    {
        var schema = Compile("""{"type":"object","properties":{"metadata":{"type":"object"},"spec":{"type":"object"}}}""");

        Assert.Empty(schema.Apply(Object("""{"apiVersion":"v1","kind":"X","metadata":{"name":"x","labels":{"a":"b"}},"spec":{}}"""), null));
    }
}
