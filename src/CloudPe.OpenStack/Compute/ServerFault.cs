namespace CloudPe.OpenStack.Compute;

/// <summary>Why a server is in ERROR.</summary>
/// <param name="Code">HTTP-like code Nova recorded.</param>
/// <param name="Message">Nova's message, e.g. "No valid host was found.".</param>
public sealed record ServerFault(int Code, string Message);
