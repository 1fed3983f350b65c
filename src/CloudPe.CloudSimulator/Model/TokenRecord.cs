namespace CloudPe.CloudSimulator.Model;

internal sealed record TokenRecord(string CredentialId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string AuditId);
