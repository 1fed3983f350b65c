using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPe.KubeEmulator.Lifecycle;
using CloudPe.KubeEmulator.Registry;
using CloudPe.KubeEmulator.Storage;
using CloudPe.KubeEmulator.Wire;

namespace CloudPe.KubeEmulator.Api;

/// <summary>Create, update, patch and delete with Kubernetes semantics (generation, optimistic concurrency, status subresource, finalizers).</summary>
internal sealed class WriteService(ObjectStore store, ResourceRegistry registry, TimeProvider time, GarbageCollector collector)
{
    private const string CustomPatchTypes = "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml";

    // Last applied configuration per (uid, field manager): server-side apply removes fields a manager stops applying.
    private readonly Dictionary<(string Uid, string Manager), JsonNode> _applied = [];

    public (int Code, JsonObject Body) Create(ApiRequest req, JsonObject body)
    {
        var type = req.Type;
        var obj = ObjectPresenter.Incoming(type, body);
        var meta = EnsureMetadata(obj);
        if (type.Namespaced)
        {
            var bodyNs = (string?)meta["namespace"];
            if (bodyNs is { Length: > 0 } && bodyNs != req.Ns)
            {
                throw Statuses.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            meta["namespace"] = req.Ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        var name = (string?)meta["name"] ?? "";
        if (name.Length == 0 && (string?)meta["generateName"] is { Length: > 0 } prefix)
        {
            name = prefix + RandomSuffix();
            meta["name"] = name;
        }

        if (name.Length == 0)
        {
            throw Statuses.Invalid(type, "", "metadata.name", "FieldValueRequired", "Required value: name or generateName is required");
        }

        if (type.Group != "rbac.authorization.k8s.io"
            && (type.Plural == "namespaces" && type.Group.Length == 0 ? NameRules.LabelError(name) : NameRules.SubdomainError(name)) is { } nameError)
        {
            throw Statuses.Invalid(type, name, "metadata.name", "FieldValueInvalid", nameError);
        }

        lock (store.Gate)
        {
            if (type.Namespaced)
            {
                RequireLiveNamespace(req.Ns, req.DryRun);
            }

            if (store.Get(type.BucketKey, req.Ns, name) is not null)
            {
                throw Statuses.AlreadyExists(type, name);
            }

            var now = Deletion.Timestamp(time.GetUtcNow());
            meta["uid"] = Guid.NewGuid().ToString();
            meta["creationTimestamp"] = now;
            meta.Remove("resourceVersion");
            meta.Remove("deletionTimestamp");
            meta.Remove("deletionGracePeriodSeconds");
            meta.Remove("managedFields");
            if (type.HasGeneration)
            {
                meta["generation"] = 1L;
            }

            obj["apiVersion"] = type.Group == "events.k8s.io" ? "v1" : type.GroupVersion;
            obj["kind"] = type.Kind;
            if (type.HasStatus)
            {
                obj.Remove("status");
            }

            ApplyKindDefaults(type, obj);
            var beforeSchema = type.Schema is null ? null : obj.DeepClone().AsObject();
            if (type.Schema?.Apply(obj, null) is { Count: > 0 } errors)
            {
                throw Statuses.Invalid(type, name, errors);
            }

            if (beforeSchema is not null)
            {
                UnknownFields.RejectIfStrict(req, beforeSchema, obj);
            }

            IReadOnlyList<ResourceType>? crdTypes = null;
            if (IsCrd(type))
            {
                crdTypes = CrdRules.Validate(type, obj);
                CrdRules.SetAcceptedStatus(obj, now);
            }

            if (req.DryRun)
            {
                return (201, ObjectPresenter.Present(type, obj));
            }

            var stored = store.Commit(type.BucketKey, req.Ns, name, obj, "ADDED");
            if (crdTypes is not null)
            {
                registry.SetCrd(name, crdTypes);
            }

            if (type.Group.Length == 0 && type.Plural == "namespaces")
            {
                CreateDefaultServiceAccount(name, now);
            }

            return (201, ObjectPresenter.Present(type, stored));
        }
    }

    public (int Code, JsonObject Body) Update(ApiRequest req, JsonObject body)
    {
        var next = ObjectPresenter.Incoming(req.Type, body);
        var bodyName = (string?)next["metadata"]?["name"];
        if (bodyName is not null && bodyName != req.Name)
        {
            throw Statuses.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({req.Name})");
        }

        lock (store.Gate)
        {
            var current = store.Get(req.Type.BucketKey, req.Ns, req.Name!) ?? throw Statuses.NotFound(req.Type, req.Name!);
            return Finish(req, current, next);
        }
    }

    public (int Code, JsonObject Body) Patch(ApiRequest req, string? contentType, byte[] body)
    {
        var type = req.Type;
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        JsonNode? patch;
        try
        {
            patch = media switch
            {
                "application/json-patch+json" or "application/merge-patch+json" => JsonNode.Parse(body),
                "application/strategic-merge-patch+json" when type.IsCustom => throw Statuses.UnsupportedMediaType(CustomPatchTypes),
                "application/strategic-merge-patch+json" => JsonNode.Parse(body),
                "application/apply-patch+yaml" => ParseApply(body),
                _ => throw Statuses.UnsupportedMediaType(type.IsCustom ? CustomPatchTypes : CustomPatchTypes + ", application/strategic-merge-patch+json"),
            };
        }
        catch (JsonException ex)
        {
            throw Statuses.BadRequest($"error decoding patch: {ex.Message}");
        }

        var isApply = media == "application/apply-patch+yaml";
        var manager = req.Q("fieldManager") ?? "";
        if (isApply && manager.Length == 0)
        {
            throw Statuses.BadRequest("PATCH requests of type application/apply-patch+yaml must specify a fieldManager");
        }

        lock (store.Gate)
        {
            var current = store.Get(type.BucketKey, req.Ns, req.Name!);
            if (current is null)
            {
                if (isApply && req.Subresource is null && patch is JsonObject applyObject)
                {
                    var (code, created) = Create(req, (JsonObject)applyObject.DeepClone());
                    if (!req.DryRun && (string?)created["metadata"]?["uid"] is { } newUid)
                    {
                        _applied[(newUid, manager)] = applyObject;
                    }

                    return (code, created);
                }

                throw Statuses.NotFound(type, req.Name!);
            }

            var presented = ObjectPresenter.Present(type, current);
            var uid = (string?)current["metadata"]?["uid"] ?? "";
            JsonNode? next;
            try
            {
                next = media switch
                {
                    "application/json-patch+json" when patch is JsonArray ops => JsonPatch.Apply(presented, ops),
                    "application/merge-patch+json" => MergePatch.Apply(presented, patch),
                    "application/strategic-merge-patch+json" => MergePatch.Apply(presented, patch, dropDirectives: true),
                    "application/apply-patch+yaml" => MergePatch.Apply(presented,
                        MergePatch.WithRemovals(_applied.GetValueOrDefault((uid, manager)), patch)),
                    _ => throw Statuses.BadRequest("the patch body has the wrong shape"),
                };
            }
            catch (FormatException ex)
            {
                throw new ApiException(Statuses.Failure(422, "Invalid", $"the server rejected our request due to an error in our request: {ex.Message}"));
            }

            if (next is not JsonObject nextObject)
            {
                throw Statuses.BadRequest("the patch did not produce an object");
            }

            var result = Finish(req, current, ObjectPresenter.Incoming(type, nextObject));
            if (isApply && !req.DryRun && patch is not null)
            {
                _applied[(uid, manager)] = patch.DeepClone();
            }

            return result;
        }
    }

    public (int Code, JsonObject Body) Delete(ApiRequest req, JsonObject? options)
    {
        var type = req.Type;
        lock (store.Gate)
        {
            var current = store.Get(type.BucketKey, req.Ns, req.Name!) ?? throw Statuses.NotFound(type, req.Name!);
            var uid = (string?)current["metadata"]?["uid"];
            var pre = options?["preconditions"];
            if ((string?)pre?["uid"] is { } preUid && preUid != uid)
            {
                throw new ApiException(Statuses.Failure(409, "Conflict",
                    $"Operation cannot be fulfilled on {type.GroupResource} \"{req.Name}\": Precondition failed: UID in precondition: {preUid}, UID in object meta: {uid}",
                    Statuses.Details(type, req.Name!)));
            }

            if ((string?)pre?["resourceVersion"] is { } preRv && preRv != (string?)current["metadata"]?["resourceVersion"])
            {
                throw Statuses.Conflict(type, req.Name!);
            }

            if (req.DryRun || options?["dryRun"]?.AsArray().Any(x => (string?)x == "All") == true)
            {
                return (200, ObjectPresenter.Present(type, current));
            }

            var policy = req.Q("propagationPolicy") ?? (string?)options?["propagationPolicy"];
            if (policy == "Orphan" && uid is not null)
            {
                Orphan(uid);
            }

            var (result, removed) = Deletion.MarkOrRemove(store, type.BucketKey, req.Ns, req.Name!, time.GetUtcNow());
            if (type.Group.Length == 0 && type.Plural == "namespaces" && !removed)
            {
                collector.NamespaceTerminating(req.Name!);
            }

            if (removed && IsCrd(type))
            {
                RemoveCrdObjects(result);
            }

            return removed && !type.IsCustom
                ? (200, Statuses.Success(req.Name!, type, uid))
                : (200, ObjectPresenter.Present(type, result));
        }
    }

    public JsonObject DeleteCollection(ApiRequest req)
    {
        var type = req.Type;
        var selectors = Selectors.Parse(req.Q("labelSelector"), req.Q("fieldSelector"));
        var items = new JsonArray();
        lock (store.Gate)
        {
            var targets = store.List(type.BucketKey, type.Namespaced ? req.Namespace : null)
                .Where(kv => selectors.Matches(kv.Value)).Select(kv => kv.Key).ToList();
            foreach (var key in targets)
            {
                if (req.DryRun)
                {
                    items.Add(ObjectPresenter.Present(type, store.Get(type.BucketKey, key.Namespace, key.Name)!).DeepClone());
                    continue;
                }

                var (result, _) = Deletion.MarkOrRemove(store, type.BucketKey, key.Namespace, key.Name, time.GetUtcNow());
                items.Add(ObjectPresenter.Present(type, result).DeepClone());
            }

            return new JsonObject
            {
                ["kind"] = type.Kind + "List",
                ["apiVersion"] = type.GroupVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["items"] = items,
            };
        }
    }

    private (int Code, JsonObject Body) Finish(ApiRequest req, JsonObject current, JsonObject next)
    {
        var type = req.Type;
        var curMeta = current["metadata"]!.AsObject();
        var curRv = (string?)curMeta["resourceVersion"];
        var meta = EnsureMetadata(next);
        if ((string?)meta["resourceVersion"] is { Length: > 0 } rv && rv != curRv)
        {
            throw Statuses.Conflict(type, req.Name!);
        }

        if (req.Subresource == "status")
        {
            var status = next["status"]?.DeepClone();
            next = current.DeepClone().AsObject();
            next.Remove("status");
            if (status is not null)
            {
                next["status"] = status;
            }

            meta = next["metadata"]!.AsObject();
        }
        else if (type.HasStatus)
        {
            next.Remove("status");
            if (current["status"] is { } s)
            {
                next["status"] = s.DeepClone();
            }
        }

        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "name", "namespace" })
        {
            meta.Remove(field);
            if (curMeta[field] is { } v)
            {
                meta[field] = v.DeepClone();
            }
        }

        meta["resourceVersion"] = curRv;
        meta.Remove("managedFields");
        next["apiVersion"] = current["apiVersion"]?.DeepClone();
        next["kind"] = current["kind"]?.DeepClone();
        ApplyKindDefaults(type, next);

        var beforeSchema = type.Schema is null ? null : next.DeepClone().AsObject();
        if (type.Schema?.Apply(next, current) is { Count: > 0 } errors)
        {
            throw Statuses.Invalid(type, req.Name!, errors);
        }

        if (beforeSchema is not null)
        {
            UnknownFields.RejectIfStrict(req, beforeSchema, next);
        }

        IReadOnlyList<ResourceType>? crdTypes = null;
        if (IsCrd(type) && req.Subresource is null)
        {
            crdTypes = CrdRules.Validate(type, next);
        }

        if (type.HasGeneration && SpecChanged(current, next, type.HasStatus))
        {
            meta["generation"] = (long.TryParse(curMeta["generation"]?.ToJsonString(), out var gen) ? gen : 0) + 1;
        }

        if (JsonNode.DeepEquals(current, next))
        {
            return (200, ObjectPresenter.Present(type, current));
        }

        var deleting = meta["deletionTimestamp"] is not null && next["metadata"]?["finalizers"] is not JsonArray { Count: > 0 }
            && !(type.Group.Length == 0 && type.Plural == "namespaces");
        if (req.DryRun)
        {
            return (200, ObjectPresenter.Present(type, next));
        }

        if (deleting)
        {
            var final = store.Remove(type.BucketKey, req.Ns, req.Name!)!;
            if (IsCrd(type))
            {
                RemoveCrdObjects(final);
            }

            return (200, ObjectPresenter.Present(type, final));
        }

        var stored = store.Commit(type.BucketKey, req.Ns, req.Name!, next, "MODIFIED");
        if (crdTypes is not null)
        {
            registry.SetCrd(req.Name!, crdTypes);
        }

        return (200, ObjectPresenter.Present(type, stored));
    }

    private static bool SpecChanged(JsonObject current, JsonObject next, bool hasStatus)
    {
        foreach (var key in current.Select(kv => kv.Key).Union(next.Select(kv => kv.Key)))
        {
            if (key is "metadata" or "apiVersion" or "kind" || (hasStatus && key == "status"))
            {
                continue;
            }

            if (!JsonNode.DeepEquals(current[key], next[key]))
            {
                return true;
            }
        }

        return false;
    }

    private static void ApplyKindDefaults(ResourceType type, JsonObject obj)
    {
        if (type.Group.Length != 0)
        {
            return;
        }

        switch (type.Plural)
        {
            case "secrets":
                if (obj["stringData"] is JsonObject stringData)
                {
                    if (obj["data"] is not JsonObject data)
                    {
                        obj["data"] = data = [];
                    }

                    foreach (var (k, v) in stringData)
                    {
                        data[k] = Convert.ToBase64String(Encoding.UTF8.GetBytes(SimpleJsonPath.Text(v) ?? ""));
                    }
                }

                obj.Remove("stringData");
                if ((string?)obj["type"] is not { Length: > 0 })
                {
                    obj["type"] = "Opaque";
                }

                break;
            case "namespaces":
                obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] ??= new JsonObject { ["phase"] = "Active" };
                break;
            default:
                break;
        }
    }

    private void RequireLiveNamespace(string ns, bool dryRun)
    {
        var nsObj = store.Get(Deletion.NamespaceBucket, "", ns);
        if (nsObj is null)
        {
            throw new ApiException(Statuses.Failure(404, "NotFound", $"namespaces \"{ns}\" not found",
                new JsonObject { ["name"] = ns, ["kind"] = "namespaces" }));
        }

        if (nsObj["metadata"]?["deletionTimestamp"] is not null && !dryRun)
        {
            throw new ApiException(Statuses.Failure(403, "Forbidden",
                $"unable to create new content in namespace {ns} because it is being terminated",
                new JsonObject { ["name"] = ns, ["kind"] = "namespaces" }));
        }
    }

    private void CreateDefaultServiceAccount(string ns, string now)
    {
        if (store.Get("/serviceaccounts", ns, "default") is not null)
        {
            return;
        }

        store.Commit("/serviceaccounts", ns, "default", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns, ["uid"] = Guid.NewGuid().ToString(), ["creationTimestamp"] = now },
        }, "ADDED");
    }

    private void Orphan(string ownerUid)
    {
        foreach (var (bucket, key) in store.DependentsOf(ownerUid))
        {
            var dependent = store.Get(bucket, key.Namespace, key.Name)!.DeepClone().AsObject();
            var refs = dependent["metadata"]!["ownerReferences"]!.AsArray();
            foreach (var r in refs.Where(r => (string?)r?["uid"] == ownerUid).ToList())
            {
                refs.Remove(r);
            }

            store.Commit(bucket, key.Namespace, key.Name, dependent, "MODIFIED");
        }
    }

    private void RemoveCrdObjects(JsonObject crd)
    {
        var name = (string?)crd["metadata"]?["name"] ?? "";
        var bucket = $"{(string?)crd["spec"]?["group"]}/{(string?)crd["spec"]?["names"]?["plural"]}";
        foreach (var key in store.List(bucket, null).Select(kv => kv.Key).ToList())
        {
            store.Remove(bucket, key.Namespace, key.Name);
        }

        registry.RemoveCrd(name);
    }

    private static bool IsCrd(ResourceType type) => type.Group == "apiextensions.k8s.io" && type.Plural == "customresourcedefinitions";

    private static JsonObject EnsureMetadata(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject meta)
        {
            obj["metadata"] = meta = [];
        }

        return meta;
    }

    private static JsonNode? ParseApply(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart();
        if (text.StartsWith('{'))
        {
            return JsonNode.Parse(text);
        }

        return YamlDocuments.Parse(text).FirstOrDefault();
    }

    private static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return new string(Enumerable.Range(0, 5).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
    }
}
