namespace CloudPe.Operator.Status;

/// <summary>
/// Condition reasons shared by the CloudPeServer and CloudPeVM controllers. In-progress reasons use the names
/// the Argo CD health check (docs/argocd/health.lua) treats as Progressing; every other False reason is Degraded.
/// </summary>
public static class ConditionReasons
{
    // In progress (Argo CD: Progressing).

    /// <summary>Work has started but nothing is known yet.</summary>
    public const string Reconciling = "Reconciling";

    /// <summary>Waiting for something outside the operator's control (e.g. a cloud transition).</summary>
    public const string Progressing = "Progressing";

    /// <summary>Waiting for another condition or object.</summary>
    public const string Waiting = "Waiting";

    /// <summary>The referenced CloudPeServer does not exist yet.</summary>
    public const string WaitingForServer = "WaitingForServer";

    /// <summary>The referenced CloudPeServer exists but is not Ready.</summary>
    public const string ServerNotReady = "ServerNotReady";

    /// <summary>Deletion is in progress.</summary>
    public const string Deleting = "Deleting";

    // CloudPeServer, positive.

    /// <summary>Ready=True: authenticated, catalog resolved and inventory current.</summary>
    public const string Ready = "Ready";

    /// <summary>Authenticated=True.</summary>
    public const string Authenticated = "Authenticated";

    /// <summary>CatalogResolved=True.</summary>
    public const string CatalogResolved = "CatalogResolved";

    /// <summary>InventoryReady=True.</summary>
    public const string InventoryReady = "InventoryReady";

    // CloudPeServer, failures (Argo CD: Degraded).

    /// <summary>The credentials Secret, or one of its keys, does not exist.</summary>
    public const string CredentialsNotFound = "CredentialsNotFound";

    /// <summary>A key of the credentials Secret is present but empty.</summary>
    public const string CredentialsInvalid = "CredentialsInvalid";

    /// <summary>The CA bundle Secret or key does not exist.</summary>
    public const string CaBundleNotFound = "CaBundleNotFound";

    /// <summary>The CA bundle does not contain a PEM certificate.</summary>
    public const string CaBundleInvalid = "CaBundleInvalid";

    /// <summary>Keystone rejected the application credential (401); the message is Keystone's.</summary>
    public const string AuthenticationFailed = "AuthenticationFailed";

    /// <summary>The endpoint could not be reached: DNS, refused, timeout or TLS certificate failure.</summary>
    public const string EndpointUnreachable = "EndpointUnreachable";

    /// <summary>The auth URL answered 404: the project path is wrong.</summary>
    public const string ProjectNotFound = "ProjectNotFound";

    /// <summary>The catalog lacks a required service type.</summary>
    public const string CatalogIncomplete = "CatalogIncomplete";

    /// <summary>Reading the inventory failed.</summary>
    public const string InventoryRefreshFailed = "InventoryRefreshFailed";

    /// <summary>A spec field has a value the operator cannot use; the message names field, value and allowed range.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>The cloud answered with an unexpected error (5xx, 403, rate limit).</summary>
    public const string CloudError = "CloudError";

    /// <summary>Deletion waits until no CloudPeVM refers to the CloudPeServer.</summary>
    public const string DeletionBlocked = "DeletionBlocked";

    /// <summary>An earlier condition failed, so this one was not evaluated.</summary>
    public const string DependencyNotReady = "DependencyNotReady";
}
