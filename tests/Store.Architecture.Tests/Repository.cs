using System.Reflection;
using System.Xml.Linq;

namespace Store.Architecture.Tests;

/// <summary>
/// The repository as the architecture tests read it: its project files, and the compiled source
/// assemblies, which this test project references (every <c>src/*/*.csproj</c>) so that they are
/// built and copied beside it.
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The projects under <c>src/</c>, by project name.</summary>
    public static Dictionary<string, XDocument> SourceProjects() => Projects("src");

    /// <summary>The assembly names of every project in the repository: sources, tests, helpers and benches.</summary>
    public static HashSet<string> AllAssemblyNames() =>
        new[] { "src", "tests", "bench" }
            .SelectMany(folder => Projects(folder))
            .Select(p => AssemblyName(p.Key, p.Value))
            .ToHashSet();

    /// <summary>The compiled assembly of a source project, loaded from this test's output folder.</summary>
    public static Assembly SourceAssembly(string project, XDocument csproj)
    {
        var name = AssemblyName(project, csproj);
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException($"{name}.dll ({project}) is not beside the tests: Store.Architecture.Tests.csproj references every src project", e);
        }
    }

    private static string AssemblyName(string project, XDocument csproj) =>
        csproj.Descendants("AssemblyName").Select(a => a.Value).FirstOrDefault() ?? project;

    private static Dictionary<string, XDocument> Projects(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => XDocument.Load(f));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Store.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Store.sln not found above the test output folder");
    }
}
