using System.Text;

namespace CloudPe.KubeEmulator.Hosting;

/// <summary>Kubeconfig YAML with the CA embedded and a bearer token user.</summary>
internal static class KubeconfigText
{
    public static string Build(Uri server, string? caPem, string token, string ns)
    {
        var sb = new StringBuilder();
        sb.Append("apiVersion: v1\nkind: Config\nclusters:\n- name: kube-emulator\n  cluster:\n");
        sb.Append("    server: ").Append(server.GetLeftPart(UriPartial.Authority)).Append('\n');
        if (caPem is not null)
        {
            sb.Append("    certificate-authority-data: ").Append(Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))).Append('\n');
        }

        sb.Append("users:\n- name: kube-emulator-user\n  user:\n    token: ").Append(token).Append('\n');
        sb.Append("contexts:\n- name: kube-emulator\n  context:\n    cluster: kube-emulator\n    user: kube-emulator-user\n");
        sb.Append("    namespace: ").Append(ns).Append('\n');
        sb.Append("current-context: kube-emulator\npreferences: {}\n");
        return sb.ToString();
    }
}
