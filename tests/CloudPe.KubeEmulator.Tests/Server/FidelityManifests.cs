using Xunit;

namespace CloudPe.KubeEmulator.Tests.Server;

/// <summary>Manifests shared by the kubectl fidelity tests.</summary>
internal static class FidelityManifests
{
    public const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.fidelity.cloudpe.test
        spec:
          group: fidelity.cloudpe.test
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList, shortNames: [wdg], categories: [cloudpe]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            additionalPrinterColumns:
            - {name: Size, type: integer, jsonPath: .spec.size}
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
            - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
            schema:
              openAPIV3Schema:
                type: object
                description: Widget is a test resource.
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                    - {rule: "self.size <= 100", message: "size must be at most 100"}
                    properties:
                      size: {type: integer, minimum: 1, description: Number of things.}
                      color: {type: string, default: red}
                  status:
                    type: object
                    properties:
                      conditions:
                        type: array
                        items:
                          type: object
                          properties:
                            type: {type: string}
                            status: {type: string}
        """;

    public static string Widget(string name, string ns, int size, string extraMetadata = "") => $$"""
        apiVersion: fidelity.cloudpe.test/v1
        kind: Widget
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels: {app: demo}
        {{extraMetadata}}
        spec:
          size: {{size}}
        """;
}
