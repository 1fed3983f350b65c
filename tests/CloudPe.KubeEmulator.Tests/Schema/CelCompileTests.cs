using System.Text.Json;
using CloudPe.KubeEmulator.Schema;
using static CloudPe.KubeEmulator.Tests.Schema.SchemaTestKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

public sealed class CelCompileTests
{
    private static CrdSchemaException Rejected(string rule) =>
        CompileFails(Wrap(CelRuleKit.SpecSchema("{\"rule\":" + JsonSerializer.Serialize(rule) + "}")));

    private static string Wrap(string specSchema) => """{"type":"object","properties":{"spec":""" + specSchema + "}}";

    [Theory]
    [InlineData("self.s.trim() == ''", "function 'trim' is not supported")]
    [InlineData("self.s.split(',').size() == 2", "function 'split' is not supported")]
    [InlineData("quantity(self.s).isGreaterThan(quantity('1'))", "function 'quantity' is not supported")]
    [InlineData("matches(self.s, 'x')", "function 'matches' is only supported in receiver style")]
    [InlineData("duration(self.s) > duration('1s')", "function 'duration' is not supported")]
    [InlineData("b'abc' == b'abc'", "bytes literals are not supported")]
    [InlineData("has(self.?s)", "optional field selection")]
    [InlineData("Foo{a: 1} == self", "message construction")]
    public void Functions_and_syntax_outside_the_subset_are_unsupported(string rule, string reason)
    {
        var error = Rejected(rule);

        Assert.Contains($"spec: x-kubernetes-validations[0]: unsupported CEL expression '{rule}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("self.i +", "Syntax error")]
    [InlineData("self.i == (1", "Syntax error")]
    [InlineData("self.s == 'unterminated", "unterminated string")]
    [InlineData("self.i == 1 #", "token recognition error")]
    [InlineData("has(self)", "invalid argument to has() macro")]
    [InlineData("self.nope == 1", "undefined field 'nope'")]
    [InlineData("foo == 1", "undeclared reference to 'foo'")]
    [InlineData("self.i == 'a'", "found no matching overload for '_==_' applied to '(int, string)'")]
    [InlineData("self.i + self.d > 1.0", "found no matching overload for '_+_' applied to '(int, double)'")]
    [InlineData("self.s.startsWith(1)", "found no matching overload for 'startsWith'")]
    [InlineData("self.i", "cel expression must evaluate to a bool, found 'int'")]
    [InlineData("self.nums.all(n, n)", "all() predicate must be a bool")]
    [InlineData("self.i.name == 1", "type 'int' does not support field selection")]
    public void Malformed_or_ill_typed_rules_are_invalid(string rule, string reason)
    {
        var error = Rejected(rule);

        Assert.Contains($"spec: x-kubernetes-validations[0]: invalid CEL expression '{rule}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_path()
    {
        var error = CompileFails("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "volume":{"type":"object","properties":{"sizeGiB":{"type":"integer","x-kubernetes-validations":[{"rule":"self.trim() > 0"}]}}},
              "name":{"type":"string","x-kubernetes-validations":[{"rule":"self == 'a'"},{"rule":"self =="}]},
              "untyped":{}}}}}
            """);

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("spec.volume.sizeGiB: x-kubernetes-validations[0]: unsupported CEL expression 'self.trim() > 0': function 'trim' is not supported", error.Message, StringComparison.Ordinal);
        Assert.Contains("spec.name: x-kubernetes-validations[1]: invalid CEL expression 'self =='", error.Message, StringComparison.Ordinal);
        Assert.Contains("spec.untyped: type: Required value: must not be empty for specified object fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transition_rule_inside_a_plain_list_is_rejected()
    {
        var error = CompileFails("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"list":{"type":"array",
              "items":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf"}]}}}}}}
            """);

        Assert.Contains("spec.list[*]: x-kubernetes-validations[0]: invalid CEL expression 'self == oldSelf': oldSelf cannot be used on the uncorrelatable portion", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"rule":"self.i > 0","messageExpression":"self.i"}""", "messageExpression must evaluate to a string")]
    [InlineData("""{"rule":"self.i > 0","reason":"FieldValueWrong"}""", "reason: Unsupported value: \"FieldValueWrong\"")]
    [InlineData("""{"rule":"self.i > 0","fieldPath":".nope"}""", "fieldPath: Invalid value: \".nope\"")]
    [InlineData("""{"message":"no rule"}""", "x-kubernetes-validations[0].rule: Required value")]
    public void Rule_metadata_is_checked(string entry, string reason)
    {
        var error = CompileFails(Wrap(CelRuleKit.SpecSchema(entry)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"spec":{"type":"array"}}}""", "spec: items: Required value: must be specified")]
    [InlineData("""{"type":"object","properties":{"spec":{"$ref":"#/definitions/x"}}}""", "spec: $ref: Forbidden")]
    [InlineData("""{"type":"object","properties":{"spec":{"type":"string","pattern":"("}}}""", "spec: pattern: Invalid value: \"(\"")]
    [InlineData("""{"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":{"type":"string"}}}}""", "mutual exclusive")]
    [InlineData("""{"type":"object","properties":{"spec":{"type":"strin"}}}""", "spec: type: Unsupported value: \"strin\"")]
    public void Non_structural_schemas_are_rejected(string schema, string problem)
    {
        Assert.Contains(problem, CompileFails(schema).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_property_names_and_root_metadata_are_reachable()
    {
        var schema = Compile("""
            {"type":"object","x-kubernetes-validations":[{"rule":"self.metadata.name.startsWith('web') && self.spec.dash__dash__x == 1 && self.spec.__namespace__ == 'n'"}],
             "properties":{"spec":{"type":"object","properties":{"dash-x":{"type":"integer"},"namespace":{"type":"string"}}}}}
            """);

        Assert.Empty(schema.Apply(Resource("""{"dash-x":1,"namespace":"n"}"""), null));
        Assert.Single(schema.Apply(Resource("""{"dash-x":2,"namespace":"n"}"""), null));
    }
}
