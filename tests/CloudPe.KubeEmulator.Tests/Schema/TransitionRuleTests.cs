using static CloudPe.KubeEmulator.Tests.Schema.SchemaTestKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

public sealed class TransitionRuleTests
{
    private const string VmSpec = """
        {"type":"object","x-kubernetes-validations":[{"rule":"!has(oldSelf.keyName) || has(self.keyName)","message":"keyName cannot be removed"}],
         "properties":{
          "image":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"image is immutable"}]},
          "keyName":{"type":"string"},
          "volume":{"type":"object","properties":{
            "sizeGiB":{"type":"integer","x-kubernetes-validations":[{"rule":"self >= oldSelf","message":"volume size may not shrink"}]}}}}}
        """;

    [Fact]
    public void Transition_rules_do_not_run_on_create()
    {
        Assert.Empty(ApplySpec(CompileSpec(VmSpec), """{"image":"ubuntu-24.04","volume":{"sizeGiB":40}}"""));
    }

    [Fact]
    public void Changing_an_immutable_field_fails_with_its_message()
    {
        var error = Single(ApplySpec(CompileSpec(VmSpec), """{"image":"debian-12"}""", """{"image":"ubuntu-24.04"}"""));

        Assert.Equal(new("spec.image", "FieldValueInvalid", "Invalid value: \"string\": image is immutable"), error);
    }

    [Fact]
    public void Keeping_an_immutable_field_passes()
    {
        Assert.Empty(ApplySpec(CompileSpec(VmSpec), """{"image":"ubuntu-24.04"}""", """{"image":"ubuntu-24.04"}"""));
    }

    [Fact]
    public void Volume_may_grow_but_not_shrink()
    {
        var schema = CompileSpec(VmSpec);

        Assert.Empty(ApplySpec(schema, """{"volume":{"sizeGiB":50}}""", """{"volume":{"sizeGiB":40}}"""));
        var error = Single(ApplySpec(schema, """{"volume":{"sizeGiB":30}}""", """{"volume":{"sizeGiB":40}}"""));
        Assert.Equal(new("spec.volume.sizeGiB", "FieldValueInvalid", "Invalid value: \"integer\": volume size may not shrink"), error);
    }

    [Fact]
    public void Rule_is_skipped_when_the_old_value_is_absent()
    {
        Assert.Empty(ApplySpec(CompileSpec(VmSpec), """{"image":"debian-12","volume":{"sizeGiB":1}}""", "{}"));
    }

    [Fact]
    public void Removing_a_field_is_caught_with_has_on_old_self()
    {
        var schema = CompileSpec(VmSpec);

        Assert.Equal("spec: Invalid value: \"object\": keyName cannot be removed", Single(ApplySpec(schema, "{}", """{"keyName":"k"}""")).ToString());
        Assert.Empty(ApplySpec(schema, """{"keyName":"k2"}""", """{"keyName":"k"}"""));
        Assert.Empty(ApplySpec(schema, """{"keyName":"k"}""", "{}"));
    }

    [Fact]
    public void Optional_old_self_runs_on_create_too()
    {
        var schema = CompileSpec("""
            {"type":"object","properties":{"replicas":{"type":"integer","x-kubernetes-validations":[
              {"rule":"oldSelf.hasValue() ? self >= oldSelf.value() : self <= 3","optionalOldSelf":true,"message":"start small, never shrink"}]}}}
            """);

        Assert.Empty(ApplySpec(schema, """{"replicas":3}"""));
        Assert.Single(ApplySpec(schema, """{"replicas":4}"""));
        Assert.Empty(ApplySpec(schema, """{"replicas":9}""", """{"replicas":5}"""));
        Assert.Single(ApplySpec(schema, """{"replicas":4}""", """{"replicas":5}"""));
    }

    [Fact]
    public void Items_of_a_map_list_correlate_by_key()
    {
        var schema = CompileSpec("""
            {"type":"object","properties":{"disks":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},
                "size":{"type":"integer","x-kubernetes-validations":[{"rule":"self >= oldSelf","message":"disk may not shrink"}]}}}}}}
            """);

        var error = Single(ApplySpec(schema, """{"disks":[{"name":"new","size":1},{"name":"data","size":5}]}""", """{"disks":[{"name":"data","size":10}]}"""));

        Assert.Equal("spec.disks[1].size", error.Field);
        Assert.Equal("Invalid value: \"integer\": disk may not shrink", error.Message);
    }

    [Fact]
    public void Map_values_correlate_by_key()
    {
        var schema = CompileSpec("""
            {"type":"object","properties":{"quotas":{"type":"object","additionalProperties":{"type":"integer",
              "x-kubernetes-validations":[{"rule":"self >= oldSelf"}]}}}}
            """);

        var error = Single(ApplySpec(schema, """{"quotas":{"cpu":1,"ram":8}}""", """{"quotas":{"cpu":2}}"""));

        Assert.Equal(new("spec.quotas[cpu]", "FieldValueInvalid", "Invalid value: \"integer\": failed rule: self >= oldSelf"), error);
    }
}
