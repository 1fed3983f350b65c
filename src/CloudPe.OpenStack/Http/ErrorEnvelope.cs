namespace CloudPe.OpenStack.Http;

/// <summary>What an error body said: the envelope kind (itemNotFound, NeutronError type, Keystone title) and the message.</summary>
internal readonly record struct ErrorEnvelope(string? Kind, string? Message);
