using System.Text.RegularExpressions;
using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>
/// What a user sees through the real kubectl. The same tests run against the emulator and, where Docker
/// answers, against a real API server (K3s), so the emulator cannot drift from Kubernetes unnoticed.
/// </summary>
public abstract partial class KubectlFidelityTests(ClusterTarget target) : IDisposable
{
    private const string Resource = "widgets.fidelity.cloudpe.test";
    private KubectlCli? _cli;

    private KubectlCli Cli => _cli ??= new KubectlCli(target.KubeconfigYaml);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private async Task<string> PrepareAsync()
    {
        target.SkipIfUnavailable();
        var ns = "t-" + Guid.NewGuid().ToString("N")[..8];
        (await Cli.RunAsync("apply", "-f", Cli.WriteFile("crd.yaml", FidelityManifests.Crd))).Ok();
        (await Cli.RunAsync("wait", "--for=condition=Established", "crd/" + Resource, "--timeout=60s")).Ok();
        (await Cli.RunAsync("create", "namespace", ns)).Ok();
        return ns;
    }

    private async Task<KubectlResult> ApplyAsync(string ns, string name, int size, params string[] extra)
    {
        var file = Cli.WriteFile($"{name}-{size}.yaml", FidelityManifests.Widget(name, ns, size));
        return await Cli.RunAsync(["apply", "-f", file, .. extra]);
    }

    private async Task<string> JsonPathAsync(string ns, string name, string path) =>
        (await Cli.RunAsync("get", Resource, name, "-n", ns, "-o", $"jsonpath={path}")).Ok().Stdout.TrimEnd();

    [Fact]
    public async Task Apply_crd_then_cr_and_get_prints_printer_columns()
    {
        var ns = await PrepareAsync();
        Assert.Contains("widget.fidelity.cloudpe.test/w1 created", (await ApplyAsync(ns, "w1", 3)).Ok().Stdout, StringComparison.Ordinal);

        var table = (await Cli.RunAsync("get", "widgets", "-n", ns)).Ok().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("NAME SIZE READY AGE", Spaces().Replace(table[0].Trim(), " "));
        Assert.Matches(@"^w1\s+3\s+\d+s$", table[1].Trim());

        var shortName = (await Cli.RunAsync("get", "wdg", "-n", ns, "-o", "name")).Ok().Stdout.Trim();
        Assert.Equal("widget.fidelity.cloudpe.test/w1", shortName);
    }

    [Fact]
    public async Task Get_yaml_shows_server_fields_and_schema_defaults()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "w1", 3)).Ok();
        var yaml = (await Cli.RunAsync("get", Resource, "w1", "-n", ns, "-o", "yaml")).Ok().Stdout;
        Assert.Matches(@"uid: [0-9a-f-]{36}", yaml);
        Assert.Matches(@"resourceVersion: ""\d+""", yaml);
        Assert.Contains("generation: 1", yaml, StringComparison.Ordinal);
        Assert.Matches(@"creationTimestamp: ""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ""", yaml);
        Assert.Contains("color: red", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_twice_is_unchanged_and_keeps_generation()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "w1", 3)).Ok();
        var rv = await JsonPathAsync(ns, "w1", "{.metadata.resourceVersion}");
        Assert.Contains("unchanged", (await ApplyAsync(ns, "w1", 3)).Ok().Stdout, StringComparison.Ordinal);
        Assert.Equal("1", await JsonPathAsync(ns, "w1", "{.metadata.generation}"));
        Assert.Equal(rv, await JsonPathAsync(ns, "w1", "{.metadata.resourceVersion}"));

        Assert.Contains("configured", (await ApplyAsync(ns, "w1", 4)).Ok().Stdout, StringComparison.Ordinal);
        Assert.Equal("2", await JsonPathAsync(ns, "w1", "{.metadata.generation}"));
    }

    [Fact]
    public async Task Server_side_apply_creates_then_is_a_no_op()
    {
        var ns = await PrepareAsync();
        Assert.Contains("serverside-applied", (await ApplyAsync(ns, "ssa", 5, "--server-side")).Ok().Stdout, StringComparison.Ordinal);
        Assert.Contains("serverside-applied", (await ApplyAsync(ns, "ssa", 5, "--server-side")).Ok().Stdout, StringComparison.Ordinal);
        Assert.Equal("1", await JsonPathAsync(ns, "ssa", "{.metadata.generation}"));
        (await ApplyAsync(ns, "ssa", 6, "--server-side")).Ok();
        Assert.Equal("6 2", await JsonPathAsync(ns, "ssa", "{.spec.size} {.metadata.generation}"));
    }

    [Fact]
    public async Task Patch_merge_json_and_status_subresource()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "w1", 3)).Ok();
        Assert.Contains("patched", (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--type=merge", "-p", """{"spec":{"color":"blue"}}""")).Ok().Stdout, StringComparison.Ordinal);
        (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--type=json", "-p", """[{"op":"replace","path":"/spec/size","value":7}]""")).Ok();
        Assert.Contains("(no change)", (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--type=merge", "-p", """{"spec":{"color":"blue"}}""")).Ok().Stdout, StringComparison.Ordinal);
        Assert.Equal("blue 7 3", await JsonPathAsync(ns, "w1", "{.spec.color} {.spec.size} {.metadata.generation}"));

        // The main resource ignores status; the status subresource changes only status (generation stays).
        (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--type=merge", "-p", """{"status":{"conditions":[{"type":"Ready","status":"False"}]}}""")).Ok();
        Assert.Equal("", await JsonPathAsync(ns, "w1", "{.status.conditions[0].status}"));
        (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--subresource=status", "--type=merge", "-p",
            """{"spec":{"size":50},"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")).Ok();
        Assert.Equal("True 7 3", await JsonPathAsync(ns, "w1", "{.status.conditions[0].status} {.spec.size} {.metadata.generation}"));
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_is_refused()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "w1", 3)).Ok();
        var result = await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "-p", """{"spec":{"color":"green"}}""");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("application/strategic-merge-patch+json is not supported", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_waits_for_the_finalizer_and_completes_when_it_is_removed()
    {
        var ns = await PrepareAsync();
        var file = Cli.WriteFile("wf.yaml", FidelityManifests.Widget("wf", ns, 1, "  finalizers: [fidelity.cloudpe.test/hold]"));
        (await Cli.RunAsync("apply", "-f", file)).Ok();
        using var delete = Cli.Start("delete", Resource, "wf", "-n", ns, "--timeout=60s");
        Assert.True(await Eventually.TrueAsync(async () => (await JsonPathAsync(ns, "wf", "{.metadata.deletionTimestamp}")).Length > 0));
        Assert.False(delete.HasExited, "kubectl delete returned while the finalizer was still present");

        (await Cli.RunAsync("patch", Resource, "wf", "-n", ns, "--type=merge", "-p", """{"metadata":{"finalizers":null}}""")).Ok();
        var done = await delete.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, done.ExitCode);
        Assert.Contains("\"wf\" deleted", done.Stdout, StringComparison.Ordinal);
        var get = await Cli.RunAsync("get", Resource, "wf", "-n", ns);
        Assert.Contains("(NotFound)", get.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_watch_prints_changes_as_they_happen()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "w1", 3)).Ok();
        using var watch = Cli.Start("get", Resource, "-n", ns, "-w");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Regex.IsMatch(watch.Stdout, @"w1\s+3\s"))), watch.Stdout);
        (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--type=merge", "-p", """{"spec":{"size":9}}""")).Ok();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Regex.IsMatch(watch.Stdout, @"w1\s+9\s"))), watch.Stdout);
        (await ApplyAsync(ns, "w2", 2)).Ok();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Regex.IsMatch(watch.Stdout, @"w2\s+2\s"))), watch.Stdout);
    }

    [Fact]
    public async Task Wait_for_condition_returns_when_ready_and_times_out_otherwise()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "w1", 3)).Ok();
        var timedOut = await Cli.RunAsync("wait", "--for=condition=Ready", $"{Resource}/w1", "-n", ns, "--timeout=1s");
        Assert.Equal(1, timedOut.ExitCode);
        Assert.Contains("timed out waiting for the condition", timedOut.Stderr, StringComparison.Ordinal);

        using var wait = Cli.Start("wait", "--for=condition=Ready", $"{Resource}/w1", "-n", ns, "--timeout=60s");
        (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--subresource=status", "--type=merge", "-p",
            """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")).Ok();
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, done.ExitCode);
        Assert.Contains("condition met", done.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_secret_generic_and_read_it_back()
    {
        var ns = await PrepareAsync();
        Assert.Contains("secret/s1 created", (await Cli.RunAsync("create", "secret", "generic", "s1", "-n", ns, "--from-literal=a=b", "--from-literal=user=admin")).Ok().Stdout, StringComparison.Ordinal);
        Assert.Equal("Yg==", (await Cli.RunAsync("get", "secret", "s1", "-n", ns, "-o", "jsonpath={.data.a}")).Ok().Stdout.TrimEnd());
        var table = (await Cli.RunAsync("get", "secrets", "s1", "-n", ns)).Ok().Stdout.Split('\n');
        Assert.Equal("NAME TYPE DATA AGE", Spaces().Replace(table[0].Trim(), " "));
        Assert.Matches(@"^s1\s+Opaque\s+2\s+\d+s$", table[1].Trim());
        (await Cli.RunAsync("create", "configmap", "c1", "-n", ns, "--from-literal=x=y")).Ok();
        Assert.Equal("y", (await Cli.RunAsync("get", "configmap", "c1", "-n", ns, "-o", "jsonpath={.data.x}")).Ok().Stdout.TrimEnd());
    }

    [Fact]
    public async Task Get_events_lists_core_events()
    {
        var ns = await PrepareAsync();
        Assert.Contains("No resources found", (await Cli.RunAsync("get", "events", "-n", ns)).Ok().Stderr, StringComparison.Ordinal);
        var file = Cli.WriteFile("ev.yaml", $$"""
            apiVersion: v1
            kind: Event
            metadata: {name: w1.abc, namespace: {{ns}}}
            involvedObject: {apiVersion: fidelity.cloudpe.test/v1, kind: Widget, name: w1, namespace: {{ns}}}
            reason: Provisioned
            message: server is ACTIVE
            type: Normal
            source: {component: cloudpe-operator}
            """);
        (await Cli.RunAsync("create", "-f", file)).Ok();
        var output = (await Cli.RunAsync("get", "events", "-n", ns)).Ok().Stdout;
        Assert.Contains("Provisioned", output, StringComparison.Ordinal);
        Assert.Contains("widget/w1", output, StringComparison.Ordinal);
        Assert.Contains("server is ACTIVE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_and_cel_rejections_carry_field_and_message()
    {
        var ns = await PrepareAsync();
        var small = await ApplyAsync(ns, "small", 0);
        Assert.Equal(1, small.ExitCode);
        Assert.Contains("The Widget \"small\" is invalid: spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1", small.Stderr, StringComparison.Ordinal);

        var big = await ApplyAsync(ns, "big", 101);
        Assert.Equal(1, big.ExitCode);
        Assert.Contains("The Widget \"big\" is invalid: spec: Invalid value: \"object\": size must be at most 100", big.Stderr, StringComparison.Ordinal);
        Assert.Contains("(NotFound)", (await Cli.RunAsync("get", Resource, "big", "-n", ns)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crd_with_a_cel_rule_that_does_not_compile_is_rejected()
    {
        target.SkipIfUnavailable();
        var crd = FidelityManifests.Crd
            .Replace("widgets.fidelity.cloudpe.test", "gadgets.fidelity.cloudpe.test", StringComparison.Ordinal)
            .Replace("plural: widgets, singular: widget, kind: Widget, listKind: WidgetList, shortNames: [wdg]", "plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList", StringComparison.Ordinal)
            .Replace("self.size <= 100", "self.size <= ", StringComparison.Ordinal);
        var result = await Cli.RunAsync("apply", "-f", Cli.WriteFile("bad-crd.yaml", crd));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The CustomResourceDefinition \"gadgets.fidelity.cloudpe.test\" is invalid:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(NotFound)", (await Cli.RunAsync("get", "crd", "gadgets.fidelity.cloudpe.test")).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_are_refused_by_strict_validation_and_pruned_without_it()
    {
        var ns = await PrepareAsync();
        var manifest = FidelityManifests.Widget("typo", ns, 3).Replace("  size: 3", "  size: 3\n  colour: blue", StringComparison.Ordinal);
        var file = Cli.WriteFile("typo.yaml", manifest);
        var strict = await Cli.RunAsync("apply", "-f", file);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec.colour\"", strict.Stderr, StringComparison.Ordinal);

        (await Cli.RunAsync("apply", "--validate=false", "-f", file)).Ok();
        Assert.Equal("3 red", await JsonPathAsync(ns, "typo", "{.spec.size} {.spec.colour}{.spec.color}"));
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_gets_409()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "w1", 3)).Ok();
        (await Cli.RunAsync("patch", Resource, "w1", "-n", ns, "--type=merge", "-p", """{"spec":{"size":4}}""")).Ok();
        var file = Cli.WriteFile("stale.yaml", FidelityManifests.Widget("w1", ns, 5, "  resourceVersion: \"1\""));
        var result = await Cli.RunAsync("replace", "-f", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error from server (Conflict)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("4", await JsonPathAsync(ns, "w1", "{.spec.size}"));
    }

    [Fact]
    public async Task Owned_secret_is_collected_after_its_owner_is_deleted()
    {
        var ns = await PrepareAsync();
        (await ApplyAsync(ns, "owner", 3)).Ok();
        var uid = await JsonPathAsync(ns, "owner", "{.metadata.uid}");
        var file = Cli.WriteFile("owned.yaml", $$"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: owned
              namespace: {{ns}}
              ownerReferences:
              - {apiVersion: fidelity.cloudpe.test/v1, kind: Widget, name: owner, uid: {{uid}}, controller: true, blockOwnerDeletion: true}
            stringData: {password: s3cret}
            """);
        (await Cli.RunAsync("apply", "-f", file)).Ok();
        (await Cli.RunAsync("delete", Resource, "owner", "-n", ns)).Ok();
        Assert.True(await Eventually.TrueAsync(async () =>
            (await Cli.RunAsync("get", "secret", "owned", "-n", ns)).Stderr.Contains("(NotFound)", StringComparison.Ordinal), TimeSpan.FromSeconds(60)));
    }

    public void Dispose() => _cli?.Dispose();
}
