namespace Store.Architecture.Tests;

/// <summary>
/// Asserts the layer rules of DESIGN.md on the project files themselves: a project references
/// only the layers below it that <see cref="Layers"/> lists, and only the projects listed here may
/// reference each package.
/// </summary>
public class ProjectGraphTests
{
    /// <summary>Packages confined to one layer.</summary>
    private static readonly Dictionary<string, string[]> PackageOwners = new()
    {
        ["Superpower"] = ["Store.Sql"],
        ["System.IO.Hashing"] = ["Store.Storage"],
        ["Microsoft.ML.OnnxRuntime.Gpu"] = ["Store.Inference"],
    };

    [Fact]
    public void Every_source_project_is_a_known_layer()
    {
        var unknown = Repository.SourceProjects().Keys.Where(name => !Layers.AllowedReferences.ContainsKey(name)).ToList();
        Assert.True(unknown.Count == 0, $"add these projects to the layer table: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Source_projects_reference_only_layers_below_them()
    {
        foreach (var (name, project) in Repository.SourceProjects())
        {
            var references = project.Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
            var forbidden = references.Except(Layers.AllowedReferences.GetValueOrDefault(name, [])).ToList();
            Assert.True(forbidden.Count == 0, $"{name} must not reference {string.Join(", ", forbidden)}");
        }
    }

    [Fact]
    public void Layer_specific_packages_stay_in_their_layer()
    {
        foreach (var (name, project) in Repository.SourceProjects())
        {
            foreach (var package in project.Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value))
            {
                if (PackageOwners.TryGetValue(package, out var owners))
                {
                    Assert.True(owners.Contains(name), $"{name} must not reference {package}");
                }
            }
        }
    }

    [Fact]
    public void Only_storage_opens_files()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Store.Storage{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains("File.OpenHandle", StringComparison.Ordinal) || File.ReadAllText(f).Contains("new FileStream", StringComparison.Ordinal))
            .ToList();
        Assert.True(offenders.Count == 0, $"only Store.Storage opens database files: {string.Join(", ", offenders)}");
    }
}
