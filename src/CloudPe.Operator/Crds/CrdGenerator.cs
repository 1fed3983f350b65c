using System.Reflection;
using CloudPe.Operator.Api.V1Alpha1;
using CloudPe.Operator.Api.Validation;
using k8s.Models;

namespace CloudPe.Operator.Crds;

/// <summary>Generates the CustomResourceDefinition manifests of the API types.</summary>
internal static class CrdGenerator
{
    /// <summary>The command that regenerates the checked-in manifests.</summary>
    public const string RegenerateCommand = "dotnet run --project src/CloudPe.Operator -- generate-crds";

    /// <summary>
    /// The kustomization that lists the CRD manifests; without an extension kustomize still reads it,
    /// while <c>kubectl apply -f config/crd/</c> skips it instead of failing on it.
    /// </summary>
    public const string KustomizationFileName = "Kustomization";

    /// <summary>The resource types that get a CRD, in file order.</summary>
    public static IReadOnlyList<Type> ResourceTypes { get; } = [typeof(CloudPeServer), typeof(CloudPeVM)];

    private const string Header = "# Generated from the C# types in src/CloudPe.Operator.Api; do not edit.\n# Regenerate with: " + RegenerateCommand + "\n";

    /// <summary>One manifest per resource type, named <c>{group}_{plural}.yaml</c>.</summary>
    public static IReadOnlyList<GeneratedFile> GenerateCrds()
    {
        var docs = XmlDocumentation.Load(typeof(CloudPeVM).Assembly);
        var schemas = new OpenApiSchemaBuilder(docs);
        return ResourceTypes.Select(type => GenerateCrd(type, schemas)).ToList();
    }

    /// <summary>A kustomization listing the manifests of <see cref="GenerateCrds"/>.</summary>
    public static GeneratedFile GenerateKustomization()
    {
        var kustomization = new OrderedDictionary<string, object>
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = ResourceTypes.Select(type => (object)FileName(Entity(type))).ToList(),
        };
        return new GeneratedFile(KustomizationFileName, Header + CrdYaml.Write(kustomization));
    }

    private static GeneratedFile GenerateCrd(Type type, OpenApiSchemaBuilder schemas)
    {
        var entity = Entity(type);
        var kind = entity.Kind;
        var names = new OrderedDictionary<string, object>
        {
            ["kind"] = kind,
            ["listKind"] = kind + "List",
            ["plural"] = entity.PluralName,
            ["singular"] = kind.ToLowerInvariant(),
        };
        var shortNames = type.GetCustomAttributes<ShortNameAttribute>().Select(a => (object)a.Name).ToList();
        if (shortNames.Count > 0)
        {
            names["shortNames"] = shortNames;
        }

        var categories = type.GetCustomAttributes<ResourceCategoryAttribute>().Select(a => (object)a.Name).ToList();
        if (categories.Count > 0)
        {
            names["categories"] = categories;
        }

        var version = new OrderedDictionary<string, object>
        {
            ["name"] = entity.ApiVersion,
            ["served"] = true,
            ["storage"] = true,
            ["schema"] = new OrderedDictionary<string, object> { ["openAPIV3Schema"] = schemas.ForResource(type) },
        };
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStatus<>)))
        {
            version["subresources"] = new OrderedDictionary<string, object> { ["status"] = new OrderedDictionary<string, object>() };
        }

        var columns = type.GetCustomAttributes<PrinterColumnAttribute>().Select(PrinterColumn).ToList();
        if (columns.Count > 0)
        {
            version["additionalPrinterColumns"] = columns;
        }

        var crd = new OrderedDictionary<string, object>
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new OrderedDictionary<string, object> { ["name"] = entity.PluralName + "." + entity.Group },
            ["spec"] = new OrderedDictionary<string, object>
            {
                ["group"] = entity.Group,
                ["names"] = names,
                ["scope"] = "Namespaced",
                ["versions"] = new List<object> { version },
            },
        };
        return new GeneratedFile(FileName(entity), Header + CrdYaml.Write(crd));
    }

    private static object PrinterColumn(PrinterColumnAttribute column)
    {
        var node = new OrderedDictionary<string, object>
        {
            ["name"] = column.Name,
            ["type"] = column.Type,
            ["jsonPath"] = column.JsonPath,
        };
        if (column.Priority != 0)
        {
            node["priority"] = column.Priority;
        }

        if (column.Description is { } description)
        {
            node["description"] = description;
        }

        return node;
    }

    private static KubernetesEntityAttribute Entity(Type type) =>
        type.GetCustomAttribute<KubernetesEntityAttribute>()
        ?? throw new InvalidOperationException($"{type} has no [KubernetesEntity] attribute.");

    private static string FileName(KubernetesEntityAttribute entity) => $"{entity.Group}_{entity.PluralName}.yaml";
}
