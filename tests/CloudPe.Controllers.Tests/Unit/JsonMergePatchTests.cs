using System.Text.Json.Nodes;

namespace CloudPe.Controllers.Tests.Unit;

public sealed class JsonMergePatchTests
{
    private static JsonNode? Diff(string from, string to) => JsonMergePatch.Diff(JsonNode.Parse(from), JsonNode.Parse(to));

    [Fact]
    public void Member_order_number_spelling_and_nulls_are_not_changes()
    {
        Assert.Null(Diff("""{"a":1,"b":{"x":"y","z":[1,2]}}""", """{"b":{"z":[1.0,2],"x":"y"},"a":1.00,"c":null}"""));
    }

    [Fact]
    public void Only_changed_members_are_patched_and_removed_ones_become_null()
    {
        var patch = Diff("""{"phase":"Running","ip":"10.0.0.1","nested":{"keep":1,"drop":2}}""", """{"phase":"Stopped","nested":{"keep":1}}""");

        Assert.Equal("""{"phase":"Stopped","nested":{"drop":null},"ip":null}""", patch!.ToJsonString());
    }

    [Fact]
    public void Arrays_are_replaced_whole_when_any_element_differs()
    {
        var patch = Diff("""{"c":[{"type":"Ready","status":"True"}]}""", """{"c":[{"type":"Ready","status":"False"}]}""");

        Assert.Equal("""{"c":[{"type":"Ready","status":"False"}]}""", patch!.ToJsonString());
    }

    [Fact]
    public void Array_order_is_a_change()
    {
        Assert.NotNull(Diff("""{"c":[1,2]}""", """{"c":[2,1]}"""));
    }
}
