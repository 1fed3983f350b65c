using static CloudPe.KubeEmulator.Tests.Schema.SchemaTestKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

public sealed class DefaultingTests
{
    private const string VmSpec = """
        {"type":"object","properties":{
          "powerState":{"type":"string","default":"Running","enum":["Running","Stopped","Suspended"]},
          "deletionPolicy":{"type":"string","default":"Delete"},
          "volume":{"type":"object","default":{},"properties":{
            "sizeGiB":{"type":"integer","default":40,"minimum":1},
            "storagePolicy":{"type":"string"}}}}}
        """;

    [Fact]
    public void Absent_fields_get_their_defaults()
    {
        var obj = Resource("{}");

        Assert.Empty(CompileSpec(VmSpec).Apply(obj, null));

        Assert.Equal("""{"powerState":"Running","deletionPolicy":"Delete","volume":{"sizeGiB":40}}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Present_fields_keep_their_values()
    {
        var obj = Resource("""{"powerState":"Stopped","volume":{"sizeGiB":100}}""");

        CompileSpec(VmSpec).Apply(obj, null);

        Assert.Equal("Stopped", (string?)obj["spec"]!["powerState"]);
        Assert.Equal(100, (int)obj["spec"]!["volume"]!["sizeGiB"]!);
    }

    [Fact]
    public void Defaults_apply_inside_an_existing_nested_object()
    {
        var obj = Resource("""{"volume":{"storagePolicy":"General Purpose"}}""");

        CompileSpec(VmSpec).Apply(obj, null);

        Assert.Equal("""{"storagePolicy":"General Purpose","sizeGiB":40}""", obj["spec"]!["volume"]!.ToJsonString());
    }

    [Fact]
    public void Non_nullable_null_is_replaced_by_the_default()
    {
        var obj = Resource("""{"powerState":null}""");

        CompileSpec(VmSpec).Apply(obj, null);

        Assert.Equal("Running", (string?)obj["spec"]!["powerState"]);
    }

    [Fact]
    public void Defaults_apply_to_array_items_and_map_values()
    {
        var schema = CompileSpec("""
            {"type":"object","properties":{
              "disks":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"type":{"type":"string","default":"ssd"}}}},
              "ports":{"type":"object","additionalProperties":{"type":"object","properties":{"protocol":{"type":"string","default":"TCP"}}}}}}
            """);
        var obj = Resource("""{"disks":[{"name":"a"},{"name":"b","type":"hdd"}],"ports":{"http":{}}}""");

        schema.Apply(obj, null);

        Assert.Equal("""{"disks":[{"name":"a","type":"ssd"},{"name":"b","type":"hdd"}],"ports":{"http":{"protocol":"TCP"}}}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void A_defaulted_field_satisfies_required()
    {
        var schema = CompileSpec("""{"type":"object","required":["mode"],"properties":{"mode":{"type":"string","default":"auto"}}}""");

        Assert.Empty(ApplySpec(schema, "{}"));
    }

    [Fact]
    public void Defaults_do_not_mutate_the_schema_between_objects()
    {
        var schema = CompileSpec(VmSpec);
        var first = Resource("{}");
        schema.Apply(first, null);
        first["spec"]!["volume"]!["sizeGiB"] = 7;

        var second = Resource("{}");
        schema.Apply(second, null);

        Assert.Equal(40, (int)second["spec"]!["volume"]!["sizeGiB"]!);
    }

    [Fact]
    public void An_invalid_default_is_rejected_at_compile()
    {
        var error = CompileFails("""{"type":"object","properties":{"spec":{"type":"object","properties":{"size":{"type":"integer","minimum":1,"default":0}}}}}""");

        Assert.Contains("spec.size: default: Invalid value: 0: default in body should be greater than or equal to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_with_unknown_fields_is_rejected_at_compile()
    {
        var error = CompileFails("""{"type":"object","properties":{"spec":{"type":"object","default":{"nope":1},"properties":{"a":{"type":"string"}}}}}""");

        Assert.Contains("spec: default: Invalid value: must not have unknown fields", error.Message, StringComparison.Ordinal);
    }
}
