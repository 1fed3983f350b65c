using System.Text;
using CloudPe.Operator.Api.V1Alpha1;
using k8s.Models;

namespace CloudPe.Operator.Reconcilers.Vm;

/// <summary>
/// Finds the VM's password: the Secret of <c>spec.passwordSecretRef</c>, or the owned <c>&lt;name&gt;-credentials</c>
/// Secret, created with a generated password when it does not exist yet.
/// </summary>
internal static class EnsureCredentials
{
    public const string GeneratedKey = CloudPeVMSpec.DefaultPasswordKey;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string OwnedSecretName(CloudPeVM vm) => vm.Metadata.Name + "-credentials";

    /// <summary>Sets <see cref="VmContext.PasswordSecret"/>; false (and Blocked) when the referenced Secret is unusable.</summary>
    public static async Task<bool> RunAsync(VmContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Spec.PasswordSecretRef is { } reference)
        {
            var key = string.IsNullOrEmpty(reference.Key) ? CloudPeVMSpec.DefaultPasswordKey : reference.Key;
            var secret = ctx.Services.Secrets.Get(ctx.Namespace, reference.Name);
            if (secret is null || !HasValue(secret, key))
            {
                var what = secret is null ? "not found" : $"has no non-empty key {key}";
                ctx.Block(VmReasons.PasswordSecretNotFound, $"Secret {ctx.Namespace}/{reference.Name} (spec.passwordSecretRef) {what}.", stalled: true);
                return false;
            }

            if (Password(secret, key) is null)
            {
                // Never the value: only where it is and what is wrong with it.
                ctx.Block(
                    VmReasons.PasswordInvalid,
                    $"Secret {ctx.Namespace}/{reference.Name} (spec.passwordSecretRef) key {key} is not a usable password: it must be UTF-8 text without control characters.",
                    stalled: true);
                return false;
            }

            ctx.PasswordSecret = secret;
            ctx.PasswordKey = key;
            return true;
        }

        var name = OwnedSecretName(ctx.Vm);
        ctx.PasswordKey = GeneratedKey;

        var owned = ctx.Services.Secrets.Get(ctx.Namespace, name);
        if (owned is null && ctx.NothingCreatedYet)
        {
            // A brand-new VM: create the Secret straight away (one request); only an existing one is read.
            if (await ctx.Services.SecretClient.CreateOwnedAsync(ctx.Vm, Desired(ctx, PasswordGenerator.Generate()), cancellationToken).ConfigureAwait(false) is { } created)
            {
                ctx.PasswordSecret = created;
                await CreatedEventAsync(ctx, name, cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        // The cache may not have our own fresh Secret yet: ask the API server before generating a second password.
        owned ??= await ctx.Services.SecretClient.GetAsync(ctx.Namespace, name, cancellationToken).ConfigureAwait(false);
        if (owned is not null && Password(owned, GeneratedKey) is { Length: > 0 })
        {
            ctx.PasswordSecret = owned;
            return true;
        }

        ctx.PasswordSecret = await WriteOwnedAsync(ctx, PasswordGenerator.Generate(), cancellationToken).ConfigureAwait(false);
        await CreatedEventAsync(ctx, name, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Task CreatedEventAsync(VmContext ctx, string name, CancellationToken cancellationToken) =>
        ctx.NormalAsync(VmReasons.CredentialsCreated, $"Created Secret {name} with a generated password (key {GeneratedKey}).", cancellationToken);

    /// <summary>Stores <paramref name="password"/> in the VM's password Secret and returns the Secret as written.</summary>
    public static async Task<V1Secret> StoreAsync(VmContext ctx, string password, CancellationToken cancellationToken)
    {
        if (ctx.Spec.PasswordSecretRef is { } reference)
        {
            var patch = new System.Text.Json.Nodes.JsonObject
            {
                ["data"] = new System.Text.Json.Nodes.JsonObject { [ctx.PasswordKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(password)) },
            };
            return await ctx.Services.SecretClient.MergePatchAsync(ctx.Namespace, reference.Name, patch, cancellationToken).ConfigureAwait(false);
        }

        return await WriteOwnedAsync(ctx, password, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The password under <paramref name="key"/>; null when missing, empty, not UTF-8 or holding control characters,
    /// because a lenient decode would boot the VM with replacement characters the user never typed.
    /// </summary>
    public static string? Password(V1Secret secret, string key)
    {
        if (secret.Data?.TryGetValue(key, out var bytes) != true || bytes is not { Length: > 0 })
        {
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return text.Any(char.IsControl) ? null : text;
    }

    private static bool HasValue(V1Secret secret, string key) => secret.Data?.TryGetValue(key, out var bytes) == true && bytes is { Length: > 0 };

    private static Task<V1Secret> WriteOwnedAsync(VmContext ctx, string password, CancellationToken cancellationToken) =>
        ctx.Services.SecretClient.CreateOrUpdateOwnedAsync(ctx.Vm, Desired(ctx, password), cancellationToken);

    private static V1Secret Desired(VmContext ctx, string password) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = OwnedSecretName(ctx.Vm),
                NamespaceProperty = ctx.Namespace,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "cloudpe-operator", ["cloudpe.io/vm"] = ctx.Name },
            },
            Type = "Opaque",
            StringData = new Dictionary<string, string> { [GeneratedKey] = password },
        };
}
