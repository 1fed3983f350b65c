namespace CloudPe.CloudSimulator.Http;

/// <summary>Per-service microversion negotiation as Nova and Cinder do it.</summary>
internal static class Microversions
{
    public static readonly ApiVersion ComputeMin = new(2, 1);
    public static readonly ApiVersion ComputeMax = new(2, 96);
    public static readonly ApiVersion VolumeMin = new(3, 0);
    public static readonly ApiVersion VolumeMax = new(3, 70);

    /// <summary>Nova: the <c>compute</c> entry of OpenStack-API-Version, else the legacy header, else 2.1; other services' entries are ignored.</summary>
    public static ApiVersion NegotiateCompute(HttpRequest request)
    {
        var requested = FindEntry(request, Services.Compute);
        if (requested is null && request.Headers.TryGetValue("X-OpenStack-Nova-API-Version", out var legacy) && !string.IsNullOrWhiteSpace(legacy))
        {
            requested = legacy.ToString();
        }

        return requested is null ? ComputeMin : Resolve(requested, ComputeMin, ComputeMax);
    }

    /// <summary>Cinder: a header that does not name <c>volume</c> is rejected (the real cloud answered 400 to <c>compute 2.67</c>).</summary>
    public static ApiVersion NegotiateVolume(HttpRequest request)
    {
        if (!request.Headers.TryGetValue("OpenStack-API-Version", out var raw) || string.IsNullOrWhiteSpace(raw))
        {
            return VolumeMin;
        }

        var requested = FindEntry(request, Services.Volume)
            ?? throw ApiException.BadRequest($"API Version String {raw} is of invalid format. Must be of format MajorNum.MinorNum.");
        return Resolve(requested, VolumeMin, VolumeMax);
    }

    private static string? FindEntry(HttpRequest request, string service)
    {
        foreach (var value in request.Headers["OpenStack-API-Version"])
        {
            foreach (var entry in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && string.Equals(parts[0], service, StringComparison.OrdinalIgnoreCase))
                {
                    return parts[1];
                }
            }
        }

        return null;
    }

    private static ApiVersion Resolve(string requested, ApiVersion min, ApiVersion max)
    {
        if (string.Equals(requested.Trim(), "latest", StringComparison.OrdinalIgnoreCase))
        {
            return max;
        }

        if (!ApiVersion.TryParse(requested, out var version))
        {
            throw ApiException.BadRequest($"API Version String {requested} is of invalid format. Must be of format MajorNum.MinorNum.");
        }

        if (version < min || version > max)
        {
            throw new ApiException(406, $"Version {version} is not supported by the API. Minimum is {min} and maximum is {max}.");
        }

        return version;
    }
}
