using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Store.Architecture.Tests;

/// <summary>
/// The layer rule on the compiled code: every type a source assembly names from another Store
/// project belongs to a layer it may use (<see cref="Layers"/>). Project references alone do not
/// show this, because a reference brings its own references along: the surfaces reference the
/// engine, and through it could name inference or SQL types without a line in their project files.
/// </summary>
public class CompiledReferenceTests
{
    [Fact]
    public void Source_assemblies_name_types_only_from_layers_they_may_use()
    {
        var projects = Repository.SourceProjects();
        var problems = new List<string>();
        foreach (var (project, csproj) in projects)
        {
            using var pe = new PEReader(File.OpenRead(Repository.SourceAssembly(project, csproj).Location));
            var metadata = pe.GetMetadataReader();
            var reached = metadata.TypeReferences
                .Select(handle => FullName(metadata, handle))
                .Select(type => (Type: type, Owner: projects.Keys.Where(p => type.StartsWith(p + ".", StringComparison.Ordinal)).MaxBy(p => p.Length)))
                .Where(t => t.Owner is not null && !Layers.MayUse(project, t.Owner))
                .Select(t => t.Type)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            if (reached.Count > 0)
            {
                problems.Add($"{project} uses {string.Join(", ", reached)}, outside the layers it may use "
                    + $"({string.Join(", ", Layers.AllowedReferences.GetValueOrDefault(project, []))})");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The namespace-qualified name of a referenced type; a nested type is named through its outermost type.</summary>
    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
