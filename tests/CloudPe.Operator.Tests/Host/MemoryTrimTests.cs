using CloudPe.Operator.Hosting;
using Xunit;

namespace CloudPe.Operator.Tests.Host;

public sealed class MemoryTrimTests
{
    private const long MB = 1024 * 1024;

    [Theory]
    [InlineData(10 * MB, 6 * MB, true)] // after 10,000 VMs were created: 6 of 10 MB free
    [InlineData(10 * MB, 4 * MB, false)] // less than half free
    [InlineData(6 * MB, 4 * MB, false)] // more than half, but only 4 MB: not worth a full GC
    [InlineData(100 * MB, 49 * MB, false)]
    [InlineData(100 * MB, 51 * MB, true)]
    public void The_large_object_heap_is_compacted_only_when_more_than_half_and_4_MB_of_it_is_free(long size, long free, bool compact) =>
        Assert.Equal(compact, MemoryTrim.ShouldCompact(size, free));
}
