using CloudPe.CloudSimulator;
using CloudPe.OpenStack;
using CloudPe.OpenStack.Compute;

namespace CloudPe.Benchmarks.Micro;

/// <summary>
/// A simulator with 1,000 servers and one recorded <c>GET /servers/detail?limit=1000</c> page, so benchmarks can
/// replay the page from memory and measure only the client's work.
/// </summary>
internal sealed class ServerPageFixture : IAsyncDisposable
{
    private ServerPageFixture(CloudSimulatorHost cloud, byte[] page, IReadOnlyList<Server> servers)
    {
        Cloud = cloud;
        Page = page;
        Servers = servers;
    }

    public CloudSimulatorHost Cloud { get; }

    /// <summary>The recorded response body.</summary>
    public byte[] Page { get; }

    public IReadOnlyList<Server> Servers { get; }

    public static async Task<ServerPageFixture> StartAsync(int count)
    {
        var cloud = await CloudSimulatorHost.StartAsync(new SimulatorOptions { Seed = 1 });
        var recorder = new PageRecorder(new SocketsHttpHandler());
        using var connection = Connect(cloud, recorder);
        var flavor = (await connection.Compute.ListFlavorsAsync()).First(f => f.Name == "c1.small");
        var network = (await connection.Networking.ListNetworksAsync()).First(n => n.Name == "private-v6");
        var image = (await connection.Images.ListImagesAsync()).First(i => i.Name == "Debian 12");
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await connection.Compute.CreateServerAsync(
                new CreateServerRequest
                {
                    Name = $"vm-{i:D5}",
                    FlavorRef = flavor.Id,
                    Networks = [ServerNetwork.FromNetwork(network.Id)],
                    BootVolume = new BootVolume(image.Id, 30),
                    Tags = [$"cloudpe-uid-{Guid.NewGuid():D}"],
                    Metadata = new Dictionary<string, string> { ["cloudpe_name"] = $"bench/vm-{i:D5}" },
                },
                ct));
        var servers = new List<Server>();
        await foreach (var server in connection.Compute.ListServersDetailAsync(new ServerListQuery { Limit = count }))
        {
            servers.Add(server);
        }

        return new ServerPageFixture(cloud, recorder.FullestPage ?? throw new InvalidOperationException("No page recorded."), servers);
    }

    /// <summary>A connection whose <c>/servers/detail</c> answers come from <see cref="Page"/>; the rest from the simulator.</summary>
    public OpenStackConnection ReplayingConnection() => Connect(Cloud, new PageReplayer(new SocketsHttpHandler(), Page));

    public ValueTask DisposeAsync() => Cloud.DisposeAsync();

    private static OpenStackConnection Connect(CloudSimulatorHost cloud, HttpMessageHandler handler) => new(new OpenStackConnectionOptions
    {
        Endpoint = cloud.Endpoint,
        ProjectPath = cloud.ProjectPath,
        Secure = false,
        ApplicationCredentialId = cloud.ApplicationCredentialId,
        ApplicationCredentialSecret = cloud.ApplicationCredentialSecret,
        HttpMessageHandler = handler,
        MaxRetries = 0,
    });

    private static bool IsDetailList(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get && request.RequestUri?.AbsolutePath.EndsWith("/servers/detail", StringComparison.Ordinal) == true;

    private sealed class PageRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        /// <summary>The largest page: a full page links to a next one, which is empty.</summary>
        public byte[]? FullestPage { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (IsDetailList(request))
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (body.Length > (FullestPage?.Length ?? 0))
                {
                    FullestPage = body;
                }

                var headers = response.Content.Headers.ToList();
                response.Content = new ByteArrayContent(body);
                foreach (var (name, values) in headers)
                {
                    response.Content.Headers.TryAddWithoutValidation(name, values);
                }
            }

            return response;
        }
    }

    private sealed class PageReplayer(HttpMessageHandler inner, byte[] page) : DelegatingHandler(inner)
    {
        private static readonly byte[] EmptyPage = "{\"servers\": []}"u8.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!IsDetailList(request))
            {
                return base.SendAsync(request, cancellationToken);
            }

            // The recorded page is full, so it links to a next page: that one is empty, as Nova answers.
            var follow = request.RequestUri?.Query.Contains("marker=", StringComparison.Ordinal) == true;
            var content = new ByteArrayContent(follow ? EmptyPage : page);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
