using System.Runtime.CompilerServices;

namespace CloudPe.OpenStack.Tests.Contract;

/// <summary>A tag unique to one connection, put on everything a test creates so a real cloud can be cleaned up after it.</summary>
internal static class RunTags
{
    private static readonly ConditionalWeakTable<OpenStackConnection, string> Tags = new();

    public static string For(OpenStackConnection connection) => Tags.GetValue(connection, _ => $"cloudpe-contract-{Guid.NewGuid():N}");
}
