namespace CloudPe.Controllers.Tests.Runtime;

public sealed class OwnWritesTests
{
    [Fact]
    public void A_cache_still_holding_a_version_our_own_write_replaced_is_behind_until_it_shows_the_newest()
    {
        var writes = new OwnWrites();
        writes.CheckedBy("Widget");
        writes.Record("Widget", "ns", "w", baseVersion: "10", newVersion: "11");
        writes.Record("Widget", "ns", "w", baseVersion: "11", newVersion: "12");

        Assert.True(writes.IsBehind("Widget", "ns", "w", "10"));
        Assert.True(writes.IsBehind("Widget", "ns", "w", "11"));
        Assert.False(writes.IsBehind("Widget", "ns", "w", "12"));

        // Caught up: the object is forgotten, so nothing holds it back any more.
        Assert.Equal(0, writes.Count);
        Assert.False(writes.IsBehind("Widget", "ns", "w", "11"));
    }

    [Fact]
    public void A_version_someone_else_wrote_or_a_gone_object_is_not_behind()
    {
        var writes = new OwnWrites();
        writes.CheckedBy("Widget");
        writes.Record("Widget", "ns", "w", baseVersion: "10", newVersion: "11");
        Assert.False(writes.IsBehind("Widget", "ns", "other", "10"));
        Assert.False(writes.IsBehind("Widget", "ns", "w", "13"));

        writes.Record("Widget", "ns", "w", baseVersion: "13", newVersion: "14");
        Assert.False(writes.IsBehind("Widget", "ns", "w", null));
        Assert.Equal(0, writes.Count);
    }

    [Fact]
    public void A_write_of_a_kind_no_controller_checks_is_not_kept()
    {
        var writes = new OwnWrites();
        writes.CheckedBy("Widget");

        writes.Record("Secret", "ns", "w-credentials", baseVersion: "10", newVersion: "11");

        Assert.Equal(0, writes.Count);
        Assert.False(writes.IsBehind("Secret", "ns", "w-credentials", "10"));
    }
}
