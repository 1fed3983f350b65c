using static CloudPe.KubeEmulator.Tests.Schema.CelRuleKit;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Schema;

public sealed class CelOperatorTests
{
    [Theory]
    [InlineData("self.i == 5")]
    [InlineData("self.i != 4")]
    [InlineData("self.i < 6 && self.i <= 5 && self.i > 4 && self.i >= 5")]
    [InlineData("self.i + 1 == 6 && self.i - 6 == -1 && self.i * 2 == 10")]
    [InlineData("self.i / 2 == 2 && self.i % 2 == 1")]
    [InlineData("self.d * 2.0 == 5.0 && self.d / 2.0 == 1.25 && self.d - 0.5 == 2.0")]
    [InlineData("self.i > 2.5 && self.d < 3")]
    [InlineData("-self.i == -5 && -self.d == -2.5")]
    [InlineData("!(self.b == false)")]
    [InlineData("self.b || self.i == 0")]
    [InlineData("self.i == 5 ? true : false")]
    [InlineData("(self.i > 10 ? 'big' : 'small') == 'small'")]
    [InlineData("'a' in self.list && !('c' in self.list)")]
    [InlineData("'app' in self.labels && 3 in self.nums")]
    [InlineData("size(self.list) == 2 && self.list.size() == 2 && self.s.size() == 5 && size(self.labels) == 1")]
    [InlineData("self.s.startsWith('He') && self.s.endsWith('lo') && self.s.contains('ell')")]
    [InlineData("self.s.matches('^H[a-z]+$') && self.s.matches('ll')")]
    [InlineData("self.s.lowerAscii() == 'hello' && self.s.upperAscii() == 'HELLO'")]
    [InlineData("self.list[0] == 'a' && self.nums[2] == 3")]
    [InlineData("self.labels['app'] == 'web' && self.labels.app == 'web'")]
    [InlineData("self.items[1].name == 'b' && self.items[1].size == 2")]
    [InlineData("has(self.s) && has(self.obj.a) && !has(self.labels.tier)")]
    [InlineData("self.nums.all(n, n > 0)")]
    [InlineData("self.nums.exists(n, n == 2) && !self.nums.exists(n, n == 9)")]
    [InlineData("self.nums.exists_one(n, n > 2)")]
    [InlineData("self.nums.map(n, n * 2) == [2, 4, 6]")]
    [InlineData("self.nums.map(n, n > 1, n * 10) == [20, 30]")]
    [InlineData("self.nums.filter(n, n > 1) == [2, 3]")]
    [InlineData("self.labels.all(k, k == 'app')")]
    [InlineData("self.items.exists(x, x.name == 'b' && x.size == 2)")]
    [InlineData("int('42') == 42 && int(self.d) == 2 && int(7u) == 7")]
    [InlineData("string(self.i) == '5' && string(2.5) == '2.5' && string(true) == 'true'")]
    [InlineData("double(self.i) == 5.0 && double('1.5') == 1.5")]
    [InlineData("uint(self.i) == 5u && 1u + 2u == 3u")]
    [InlineData("bool('true') && !bool('false')")]
    [InlineData("[1, 2] + [3] == [1, 2, 3] && 'a' + 'b' == 'ab'")]
    [InlineData("{'a': 1}['a'] == 1 && {'a': 1} == {'a': 1}")]
    [InlineData("self.obj == {'a': 'x'} && self.list == ['a', 'b'] && self.list != ['b', 'a']")]
    [InlineData("0x10 == 16 && 1e3 == 1000.0 && .5 == 0.5")]
    [InlineData("null == null")]
    [InlineData("\"dq\" == 'dq' && '''tri''' == 'tri' && r'\\d' == '\\\\d' && '\\u00e9' == 'é'")]
    [InlineData("dyn(self.i) == 5.0")]
    [InlineData("self.port == 'http'")]
    [InlineData("// comment\nself.i == 5")]
    public void True_expressions_pass(string rule)
    {
        Assert.Empty(Evaluate(rule));
    }

    [Theory]
    [InlineData("self.i == 4")]
    [InlineData("self.i < 5")]
    [InlineData("self.s.startsWith('x')")]
    [InlineData("self.nums.all(n, n > 1)")]
    [InlineData("self.nums.exists_one(n, n > 1)")]
    [InlineData("'z' in self.list")]
    [InlineData("!self.b")]
    [InlineData("self.b && self.i == 0")]
    public void False_expressions_fail_with_the_default_message(string rule)
    {
        var error = Assert.Single(Evaluate(rule));

        Assert.Equal("spec", error.Field);
        Assert.Equal("FieldValueInvalid", error.Type);
        Assert.Equal($"Invalid value: \"object\": failed rule: {rule}", error.Message);
    }

    [Theory]
    [InlineData("self.list[5] == 'x'", "index out of bounds: 5")]
    [InlineData("self.i / 0 == 1", "division by zero")]
    [InlineData("self.i % 0 == 1", "modulus by zero")]
    [InlineData("self.labels['tier'] == 'x'", "no such key: tier")]
    [InlineData("self.i * 9223372036854775807 > 0", "integer overflow")]
    [InlineData("int('x') == 1", "type conversion error from 'string' to 'int': x")]
    public void Runtime_errors_fail_the_rule_with_the_cel_error(string rule, string cause)
    {
        var error = Assert.Single(Evaluate(rule));

        Assert.Equal($"Invalid value: \"object\": {cause} evaluating rule: {rule}", error.Message);
    }

    [Fact]
    public void Missing_field_without_has_reports_no_such_key()
    {
        var error = Assert.Single(Evaluate("self.obj.a == 'x'", """{"i":1}"""));

        Assert.Equal("Invalid value: \"object\": no such key: obj evaluating rule: self.obj.a == 'x'", error.Message);
    }

    [Theory]
    [InlineData("false && self.list[9] == 'x'", false)]
    [InlineData("self.list[9] == 'x' && false", false)]
    [InlineData("true || self.list[9] == 'x'", true)]
    [InlineData("self.list[9] == 'x' || true", true)]
    public void Logical_operators_absorb_errors_like_cel(string rule, bool passes)
    {
        var errors = Evaluate(rule);

        Assert.Equal(passes, errors.Count == 0);
        Assert.All(errors, e => Assert.StartsWith("Invalid value: \"object\": failed rule:", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Int_or_string_value_with_wrong_runtime_type_reports_no_overload()
    {
        var error = Assert.Single(Evaluate("self.port > 1"));

        Assert.Contains("call arguments did not match a supported operator, function or macro signature for rule: self.port > 1", error.Message, StringComparison.Ordinal);
    }
}
