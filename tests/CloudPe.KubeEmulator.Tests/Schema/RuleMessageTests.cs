using static CloudPe.KubeEmulator.Tests.Schema.CelRuleKit;
using static CloudPe.KubeEmulator.Tests.Schema.SchemaTestKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

public sealed class RuleMessageTests
{
    [Fact]
    public void Message_replaces_the_rule_text()
    {
        var schema = CompileSpec(SpecSchema("""{"rule":"self.i > 10","message":"  i must exceed 10  "}"""));

        Assert.Equal("Invalid value: \"object\": i must exceed 10", Single(ApplySpec(schema, SampleSpec)).Message);
    }

    [Fact]
    public void Message_expression_is_evaluated()
    {
        var schema = CompileSpec(SpecSchema("""{"rule":"self.i > 10","message":"static","messageExpression":"'i is ' + string(self.i) + ', want more than 10'"}"""));

        Assert.Equal("Invalid value: \"object\": i is 5, want more than 10", Single(ApplySpec(schema, SampleSpec)).Message);
    }

    [Fact]
    public void Failing_message_expression_falls_back_to_message()
    {
        var schema = CompileSpec(SpecSchema("""{"rule":"self.i > 10","message":"static","messageExpression":"self.labels['missing']"}"""));

        Assert.Equal("Invalid value: \"object\": static", Single(ApplySpec(schema, SampleSpec)).Message);
    }

    [Theory]
    [InlineData("FieldValueForbidden", "FieldValueForbidden", "Forbidden: nope")]
    [InlineData("FieldValueRequired", "FieldValueRequired", "Required value: nope")]
    [InlineData("FieldValueDuplicate", "FieldValueDuplicate", "Duplicate value: \"object\"")]
    [InlineData("FieldValueInvalid", "FieldValueInvalid", "Invalid value: \"object\": nope")]
    public void Reason_selects_the_error_type(string reason, string type, string message)
    {
        var schema = CompileSpec(SpecSchema($$"""{"rule":"false","message":"nope","reason":"{{reason}}"}"""));

        var error = Single(ApplySpec(schema, SampleSpec));

        Assert.Equal(type, error.Type);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Field_path_moves_the_error_to_the_named_field()
    {
        var schema = CompileSpec(SpecSchema("""{"rule":"self.i > 10","message":"too small","fieldPath":".i"}"""));

        Assert.Equal("spec.i", Single(ApplySpec(schema, SampleSpec)).Field);
    }

    [Fact]
    public void Field_path_into_a_map_uses_brackets()
    {
        var schema = CompileSpec(SpecSchema("""{"rule":"false","fieldPath":".labels['app.kubernetes.io/name']"}"""));

        Assert.Equal("spec.labels[app.kubernetes.io/name]", Single(ApplySpec(schema, SampleSpec)).Field);
    }

    [Fact]
    public void Root_rule_without_field_path_reports_nil_field()
    {
        var schema = Compile("""{"type":"object","x-kubernetes-validations":[{"rule":"self.spec.a == 'x'","message":"a must be x"}],"properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}}}}}""");

        var error = Single(schema.Apply(Resource("""{"a":"y"}"""), null));

        Assert.Equal(new("<nil>", "FieldValueInvalid", "Invalid value: \"object\": a must be x"), error);
    }

    [Fact]
    public void Keyword_errors_come_before_rule_errors()
    {
        var schema = CompileSpec("""{"type":"object","x-kubernetes-validations":[{"rule":"self.n != 0"}],"properties":{"n":{"type":"integer","maximum":-1}}}""");

        var errors = ApplySpec(schema, """{"n":0}""");

        Assert.Equal(["FieldValueInvalid", "FieldValueInvalid"], errors.Select(e => e.Type));
        Assert.Equal(["spec.n", "spec"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Rules_are_not_run_on_null_values()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"s":{"type":"string","nullable":true,"x-kubernetes-validations":[{"rule":"self.size() > 3"}]}}}""");

        Assert.Empty(ApplySpec(schema, """{"s":null}"""));
        Assert.Single(ApplySpec(schema, """{"s":"ab"}"""));
    }

    [Fact]
    public void Large_bounds_print_like_go_floats()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"n":{"type":"integer","maximum":2147483647}}}""");

        Assert.Equal("Invalid value: 2147483648: spec.n in body should be less than or equal to 2.147483647e+09", Single(ApplySpec(schema, """{"n":2147483648}""")).Message);
    }
}
