using CloudPe.CloudSimulator;
using CloudPe.OpenStack.Tests.Unit;

namespace CloudPe.OpenStack.Tests.Contract;

public sealed class ErrorEnvelopeContractTests
{
    public static TheoryData<int, string, Type, string?, string> WireEnvelopes()
    {
        // 401 is left out: over the wire it triggers the one re-authentication (tested on its own).
        var data = new TheoryData<int, string, Type, string?, string>();
        foreach (var row in ErrorEnvelopeTests.Envelopes)
        {
            var (status, body, type, kind, message) = row.Data;
            if (status != 401)
            {
                data.Add(status, body, type, kind, message);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WireEnvelopes))]
    public async Task Every_envelope_from_the_wire_becomes_a_typed_error_with_route_and_request_id(int status, string body, Type expected, string? kind, string message)
    {
        await using var cloud = await CloudTarget.StartSimulatorAsync("injects error bodies");
        using var connection = cloud.Connect(options: cloud.Options(maxRetries: 0));
        await connection.ConnectAsync(TestContext.Current.CancellationToken);
        cloud.Admin.AddFault(new FaultRule { Route = "network GET /v2.0/networks", Status = status, Body = body, Times = 1 });

        var error = await Assert.ThrowsAnyAsync<OpenStackException>(() => connection.Networking.ListNetworksAsync(TestContext.Current.CancellationToken));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(kind, error.ErrorCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Equal("network", error.Service);
        Assert.Equal("GET", error.Method);
        Assert.Equal("/networks", error.Path);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
