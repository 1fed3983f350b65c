using CloudPe.Operator.Hosting;
using Xunit;

namespace CloudPe.Operator.Tests.Host;

public sealed class MemoryTrimTests
{
    private const long MB = 1024 * 1024;

    [Theory]
    [InlineData(8 * MB, 3 * MB, true)] // after 10,000 VMs were created: 3.6 of 8.4 MB free
    [InlineData(10 * MB, 3 * MB, false)] // less than a third free
    [InlineData(4 * MB, 2 * MB, false)] // half, but only 2 MB: not worth a full GC
    [InlineData(100 * MB, 33 * MB, false)]
    [InlineData(100 * MB, 34 * MB, true)]
    public void The_large_object_heap_is_compacted_only_when_more_than_a_third_and_2_MB_of_it_is_free(long size, long free, bool compact) =>
        Assert.Equal(compact, MemoryTrim.ShouldCompact(size, free));
}
