namespace CloudPe.OpenStack.Tests.Contract;

public sealed class ImagesContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Image_list_follows_next_until_done()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();

        var all = await connection.Images.ListImagesAsync(cancellationToken: Ct);
        var paged = await connection.Images.ListImagesAsync(pageSize: 4, cancellationToken: Ct);

        Assert.NotEmpty(all);
        Assert.Equal(all.Select(i => i.Id).Order(), paged.Select(i => i.Id).Order());
        Assert.Equal(paged.Count, paged.Select(i => i.Id).Distinct().Count());
        if (cloud.Simulator is not null)
        {
            Assert.True(all.Count > 4, "the simulator seeds more images than one small page");
        }
    }

    [Fact]
    public async Task Image_reads_by_id_and_unknown_is_null()
    {
        await using var cloud = await CloudTarget.StartAsync();
        using var connection = cloud.Connect();
        var first = (await connection.Images.ListImagesAsync(cancellationToken: Ct))[0];

        var image = await connection.Images.GetImageAsync(first.Id, Ct);

        Assert.Equal(first, image);
        Assert.Null(await connection.Images.GetImageAsync("00000000-0000-0000-0000-000000000000", Ct));
    }
}
