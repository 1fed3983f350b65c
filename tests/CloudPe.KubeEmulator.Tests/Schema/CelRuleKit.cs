using System.Text.Json;
using CloudPe.KubeEmulator.Schema;
using static CloudPe.KubeEmulator.Tests.Schema.SchemaTestKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

/// <summary>A spec schema with one field of each kind, carrying a single rule under test.</summary>
internal static class CelRuleKit
{
    public const string SampleSpec = """
        {"i":5,"d":2.5,"s":"Hello","b":true,"list":["a","b"],"nums":[1,2,3],"labels":{"app":"web"},
         "obj":{"a":"x"},"items":[{"name":"a","size":1},{"name":"b","size":2}],"port":"http"}
        """;

    public static string SpecSchema(string ruleEntryJson) =>
        """{"type":"object","x-kubernetes-validations":[""" + ruleEntryJson + "]," + """
        "properties":{
          "i":{"type":"integer"},"d":{"type":"number"},"s":{"type":"string"},"b":{"type":"boolean"},
          "list":{"type":"array","items":{"type":"string"}},"nums":{"type":"array","items":{"type":"integer"}},
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "obj":{"type":"object","properties":{"a":{"type":"string"}}},
          "items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"size":{"type":"integer"}}}},
          "port":{"x-kubernetes-int-or-string":true}}}
        """;

    public static CrdSchema Rule(string rule) => CompileSpec(SpecSchema("{\"rule\":" + JsonSerializer.Serialize(rule) + "}"));

    public static IReadOnlyList<FieldError> Evaluate(string rule, string spec = SampleSpec) => ApplySpec(Rule(rule), spec);
}
