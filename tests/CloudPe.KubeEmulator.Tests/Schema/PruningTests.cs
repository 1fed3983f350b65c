using System.Text.Json.Nodes;
using static CloudPe.KubeEmulator.Tests.Schema.SchemaTestKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

public sealed class PruningTests
{
    private static string Spec(JsonObject obj) => obj["spec"]!.ToJsonString();

    [Fact]
    public void Unknown_fields_are_removed_at_every_level()
    {
        var schema = Compile("""{"type":"object","properties":{"spec":{"type":"object","properties":{"volume":{"type":"object","properties":{"sizeGiB":{"type":"integer"}}}}}}}""");
        var obj = Object("""{"apiVersion":"v1","kind":"X","metadata":{"name":"a"},"extra":1,"spec":{"typo":true,"volume":{"sizeGiB":1,"sizeGB":2}}}""");

        Assert.Empty(schema.Apply(obj, null));

        Assert.False(obj.ContainsKey("extra"));
        Assert.Equal("""{"volume":{"sizeGiB":1}}""", Spec(obj));
    }

    [Fact]
    public void Api_version_kind_and_metadata_survive_at_the_root_untouched()
    {
        var schema = Compile("""{"type":"object","properties":{"spec":{"type":"object"}}}""");
        var obj = Object("""{"apiVersion":"v1","kind":"X","metadata":{"name":"a","anything":{"x":1}},"spec":{}}""");

        schema.Apply(obj, null);

        Assert.Equal("v1", (string?)obj["apiVersion"]);
        Assert.Equal("X", (string?)obj["kind"]);
        Assert.Equal("""{"name":"a","anything":{"x":1}}""", obj["metadata"]!.ToJsonString());
    }

    [Fact]
    public void Preserve_unknown_fields_keeps_unknown_content()
    {
        var schema = CompileSpec("""{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"known":{"type":"object","properties":{"a":{"type":"string"}}}}}""");
        var obj = Resource("""{"free":{"deep":[1,{"x":2}]},"known":{"a":"1","b":"2"}}""");

        schema.Apply(obj, null);

        Assert.Equal("""{"free":{"deep":[1,{"x":2}]},"known":{"a":"1"}}""", Spec(obj));
    }

    [Fact]
    public void Array_items_are_pruned()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"list":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""");
        var obj = Resource("""{"list":[{"name":"a","junk":1},{"name":"b"}]}""");

        schema.Apply(obj, null);

        Assert.Equal("""{"list":[{"name":"a"},{"name":"b"}]}""", Spec(obj));
    }

    [Fact]
    public void Map_values_are_pruned_by_their_schema()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"m":{"type":"object","additionalProperties":{"type":"object","properties":{"a":{"type":"string"}}}}}}""");
        var obj = Resource("""{"m":{"k1":{"a":"x","b":"y"}}}""");

        schema.Apply(obj, null);

        Assert.Equal("""{"m":{"k1":{"a":"x"}}}""", Spec(obj));
    }

    [Fact]
    public void Embedded_resource_keeps_its_type_meta_and_metadata()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"data":{"type":"object","additionalProperties":{"type":"string"}}}}}}""");
        var obj = Resource("""{"template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"v"},"junk":1}}""");

        Assert.Empty(schema.Apply(obj, null));

        Assert.Equal("""{"template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"v"}}}""", Spec(obj));
    }

    [Fact]
    public void An_object_without_properties_is_emptied()
    {
        var schema = CompileSpec("""{"type":"object","properties":{"empty":{"type":"object"}}}""");
        var obj = Resource("""{"empty":{"a":1}}""");

        schema.Apply(obj, null);

        Assert.Equal("""{"empty":{}}""", Spec(obj));
    }
}
