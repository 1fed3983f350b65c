using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CloudPe.Controllers;
using CloudPe.OpenStack;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Status;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace CloudPe.Operator.Cloud;

/// <summary>
/// One <see cref="OpenStackConnection"/> per CloudPeServer, built from its credentials Secret (read from the
/// informer cache). The connection is reused while the server's connection fields and the Secret's content stay
/// the same; a rotated Secret or an edited spec gives a new connection and disposes the old one.
/// </summary>
public sealed partial class CloudConnectionProvider : IDisposable
{
    private readonly IResourceCache<V1Secret> _secrets;
    private readonly CloudConnectionSettings _settings;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates the provider.</summary>
    public CloudConnectionProvider(IResourceCache<V1Secret> secrets, CloudConnectionSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        _secrets = secrets;
        _settings = settings;
        _loggers = loggers;
        _time = time;
        _logger = loggers.CreateLogger<CloudConnectionProvider>();
    }

    /// <summary>
    /// The connection for <paramref name="server"/>, or why there is none (missing Secret or key, empty key,
    /// unusable CA bundle). Does not contact the cloud: authentication happens on the first call.
    /// </summary>
    public Task<CloudConnectionResult> GetAsync(CloudPeServer server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        cancellationToken.ThrowIfCancellationRequested();
        var ns = server.Metadata.NamespaceProperty ?? "default";
        var name = server.Metadata.Name;
        var spec = server.Spec;

        var credentials = ReadCredentials(ns, spec.CredentialsSecretRef.Name);
        if (credentials.Failure is { } failure)
        {
            return Task.FromResult(failure);
        }

        X509Certificate2Collection? roots = null;
        var caHash = "";
        if (spec.CaBundleSecretRef is { } caRef)
        {
            var ca = ReadCaBundle(ns, caRef);
            if (ca.Failure is { } caFailure)
            {
                return Task.FromResult(caFailure);
            }

            roots = ca.Roots;
            caHash = ca.Hash;
        }

        var fingerprint = Fingerprint(spec, credentials.Id!, credentials.Secret!, caHash);
        var key = $"{ns}/{name}";
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var current) && current.Fingerprint == fingerprint)
            {
                DisposeAll(roots);
                return Task.FromResult(CloudConnectionResult.Success(current.Connection));
            }

            OpenStackConnectionOptions options;
            try
            {
                options = BuildOptions(spec, credentials.Id!, credentials.Secret!, roots, out var handler);
                var connection = new OpenStackConnection(options, _loggers, _time);
                if (_entries.Remove(key, out var replaced))
                {
                    LogReplaced(_logger, ns, name);
                    replaced.Dispose();
                }

                _entries[key] = new Entry(fingerprint, connection, handler, roots);
                return Task.FromResult(CloudConnectionResult.Success(connection));
            }
            catch (ArgumentException e)
            {
                DisposeAll(roots);

                // Validation messages name the field (Endpoint, ProjectPath), never the secret.
                return Task.FromResult(CloudConnectionResult.Failure(ConditionReasons.InvalidSpec, $"spec.{FieldOf(e.ParamName)}: {e.Message.Split(" (Parameter", 2)[0]}"));
            }
        }
    }

    /// <summary>Drops and disposes the connection of a CloudPeServer (after it was deleted).</summary>
    public bool Remove(string? @namespace, string name)
    {
        lock (_gate)
        {
            if (_entries.Remove($"{@namespace ?? "default"}/{name}", out var entry))
            {
                entry.Dispose();
                return true;
            }

            return false;
        }
    }

    /// <summary>Number of live connections (one per CloudPeServer in use).</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Values)
            {
                entry.Dispose();
            }

            _entries.Clear();
        }
    }

    private Credentials ReadCredentials(string ns, string secretName)
    {
        var secret = _secrets.Get(ns, secretName);
        if (secret is null)
        {
            return Credentials.Failed(CloudConnectionResult.Failure(
                ConditionReasons.CredentialsNotFound,
                $"Secret {ns}/{secretName} (spec.credentialsSecretRef) not found; it needs the keys {CloudPeServerSpec.ApplicationCredentialIdKey} and {CloudPeServerSpec.ApplicationCredentialSecretKey}."));
        }

        var missing = new[] { CloudPeServerSpec.ApplicationCredentialIdKey, CloudPeServerSpec.ApplicationCredentialSecretKey }
            .Where(k => secret.Data?.ContainsKey(k) != true)
            .ToList();
        if (missing.Count > 0)
        {
            return Credentials.Failed(CloudConnectionResult.Failure(
                ConditionReasons.CredentialsNotFound,
                $"Secret {ns}/{secretName} has no key {string.Join(" and no key ", missing)}."));
        }

        var id = Encoding.UTF8.GetString(secret.Data![CloudPeServerSpec.ApplicationCredentialIdKey]).Trim();
        var value = Encoding.UTF8.GetString(secret.Data[CloudPeServerSpec.ApplicationCredentialSecretKey]).Trim();
        var empty = new List<string>();
        if (id.Length == 0)
        {
            empty.Add(CloudPeServerSpec.ApplicationCredentialIdKey);
        }

        if (value.Length == 0)
        {
            empty.Add(CloudPeServerSpec.ApplicationCredentialSecretKey);
        }

        if (empty.Count > 0)
        {
            return Credentials.Failed(CloudConnectionResult.Failure(
                ConditionReasons.CredentialsInvalid,
                $"Secret {ns}/{secretName}: key {string.Join(" and key ", empty)} is empty."));
        }

        return new Credentials(id, value, null);
    }

    private CaBundle ReadCaBundle(string ns, SecretKeyReference reference)
    {
        var key = string.IsNullOrEmpty(reference.Key) ? CloudPeServerSpec.DefaultCaBundleKey : reference.Key;
        var secret = _secrets.Get(ns, reference.Name);
        if (secret is null)
        {
            return CaBundle.Failed(CloudConnectionResult.Failure(ConditionReasons.CaBundleNotFound, $"Secret {ns}/{reference.Name} (spec.caBundleSecretRef) not found."));
        }

        if (secret.Data?.TryGetValue(key, out var pem) != true || pem is null)
        {
            return CaBundle.Failed(CloudConnectionResult.Failure(ConditionReasons.CaBundleNotFound, $"Secret {ns}/{reference.Name} has no key {key} (spec.caBundleSecretRef)."));
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(Encoding.UTF8.GetString(pem));
        }
        catch (CryptographicException)
        {
            roots.Clear();
        }

        if (roots.Count == 0)
        {
            return CaBundle.Failed(CloudConnectionResult.Failure(ConditionReasons.CaBundleInvalid, $"Secret {ns}/{reference.Name} key {key} holds no PEM certificate."));
        }

        return new CaBundle(roots, Convert.ToHexString(SHA256.HashData(pem)), null);
    }

    private OpenStackConnectionOptions BuildOptions(CloudPeServerSpec spec, string id, string secret, X509Certificate2Collection? roots, out HttpMessageHandler? handler)
    {
        handler = _settings.HttpMessageHandlerFactory?.Invoke();
        try
        {
            var options = new OpenStackConnectionOptions
            {
                Endpoint = spec.Endpoint,
                ProjectPath = string.IsNullOrEmpty(spec.ProjectPath) ? "/" : spec.ProjectPath,
                Secure = spec.Secure,
                ApplicationCredentialId = id,
                ApplicationCredentialSecret = secret,
                Region = string.IsNullOrEmpty(spec.Region) ? null : spec.Region,
                ExtraCaCertificates = roots,
                HttpMessageHandler = handler,
                RequestTimeout = _settings.RequestTimeout,
                MaxRetries = _settings.MaxRetries,
                RetryBaseDelay = _settings.RetryBaseDelay,
            };
            options.Validate();
            return options;
        }
        catch
        {
            handler?.Dispose();
            handler = null;
            throw;
        }
    }

    private static string Fingerprint(CloudPeServerSpec spec, string id, string secret, string caHash)
    {
        // Only a hash of the credential is kept, so the key is safe in a dump.
        var text = string.Join('\n', spec.Endpoint, spec.ProjectPath, spec.Secure, spec.Region ?? "", id, secret, caHash);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static void DisposeAll(X509Certificate2Collection? certificates)
    {
        foreach (var certificate in certificates ?? [])
        {
            certificate.Dispose();
        }
    }

    private static string FieldOf(string? paramName) => paramName switch
    {
        "Endpoint" => "endpoint",
        "ProjectPath" => "projectPath",
        _ => "endpoint",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection of CloudPeServer {Namespace}/{Name} replaced (credentials or endpoint changed)")]
    private static partial void LogReplaced(ILogger logger, string @namespace, string name);

    private sealed record Credentials(string? Id, string? Secret, CloudConnectionResult? Failure)
    {
        public static Credentials Failed(CloudConnectionResult failure) => new(null, null, failure);
    }

    private sealed record CaBundle(X509Certificate2Collection? Roots, string Hash, CloudConnectionResult? Failure)
    {
        public static CaBundle Failed(CloudConnectionResult failure) => new(null, "", failure);
    }

    private sealed class Entry(string fingerprint, OpenStackConnection connection, HttpMessageHandler? handler, X509Certificate2Collection? roots) : IDisposable
    {
        public string Fingerprint { get; } = fingerprint;

        public OpenStackConnection Connection { get; } = connection;

        public void Dispose()
        {
            Connection.Dispose();
            handler?.Dispose();
            DisposeAll(roots);
        }
    }
}
