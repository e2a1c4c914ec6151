using System.Reflection;
using System.Runtime.CompilerServices;

namespace Store.Architecture.Tests;

/// <summary>
/// Keeps each layer's internals from silently opening further up. Read from the compiled
/// assemblies, so a grant counts whether a project file or an <c>[assembly: InternalsVisibleTo]</c>
/// in code makes it. Two rules:
/// <list type="number">
/// <item>Each source project grants its internals to exactly the assemblies pinned here: adding
/// a friend is a decision made in this file, not a line slipped into a project file.</item>
/// <item>A friend is a tool (<see cref="Tools"/>), a source project that may reference the granting
/// project (<see cref="Layers"/>: so a layer above it, never one beside or below), or the test
/// project of either; never a surface (<see cref="Layers.Surfaces"/>, whose code and tests use only
/// public types) and never a name that no project in the repository builds.</item>
/// </list>
/// </summary>
public class InternalsVisibleToTests
{
    /// <summary>The helper, crash and benchmark programs that may see any layer's internals.</summary>
    private static readonly string[] Tools = ["Store.Testing", "Store.CrashWriter", "Store.Bench"];

    /// <summary>Each source project and the exact assemblies it grants its internals to.</summary>
    private static readonly Dictionary<string, string[]> Pinned = new()
    {
        ["Store.Core"] = ["Store.Core.Tests", "Store.Bench"],
        ["Store.Storage"] =
        [
            "Store.Storage.Tests", "Store.Access", "Store.Access.Tests", "Store.Testing", "Store.CrashWriter",
            "Store.Bench", "Store.Sql", "Store.Sql.Tests", "Store.Engine",
        ],
        ["Store.Access"] =
        [
            "Store.Access.Tests", "Store.Testing", "Store.CrashWriter", "Store.Bench", "Store.Sql",
            "Store.Sql.Tests", "Store.Engine",
        ],
        ["Store.Inference"] = ["Store.Inference.Tests", "Store.Sql", "Store.Engine", "Store.Bench"],
        ["Store.Sql"] = ["Store.Sql.Tests", "Store.Engine", "Store.Bench"],
        ["Store.Engine"] = ["Store.Engine.Tests", "Store.Bench"],
        ["Store.Data"] = [],
        ["Store.Shell"] = ["Store.Shell.Tests"],
    };

    [Fact]
    public void Each_source_project_grants_internals_exactly_to_its_pinned_friends()
    {
        var problems = new List<string>();
        foreach (var (project, csproj) in Repository.SourceProjects())
        {
            if (!Pinned.TryGetValue(project, out var pinned))
            {
                problems.Add($"{project} has no pinned InternalsVisibleTo list: add one to {nameof(InternalsVisibleToTests)}.{nameof(Pinned)}");
                continue;
            }

            var friends = Friends(Repository.SourceAssembly(project, csproj));
            var added = friends.Except(pinned).ToList();
            var dropped = pinned.Except(friends).ToList();
            if (added.Count > 0)
            {
                problems.Add($"{project} grants its internals to {string.Join(", ", added)}, which its pinned list does not name: "
                    + $"opening a layer's internals further is a layering decision; if it is meant, add it to {nameof(InternalsVisibleToTests)}.{nameof(Pinned)}");
            }

            if (dropped.Count > 0)
            {
                problems.Add($"{project} no longer grants its internals to {string.Join(", ", dropped)}: drop them from {nameof(InternalsVisibleToTests)}.{nameof(Pinned)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Internals_go_only_to_tools_layers_above_and_their_tests()
    {
        var built = Repository.AllAssemblyNames();
        var problems = new List<string>();
        foreach (var (project, csproj) in Repository.SourceProjects())
        {
            foreach (var friend in Friends(Repository.SourceAssembly(project, csproj)))
            {
                if (!built.Contains(friend))
                {
                    problems.Add($"{project} grants its internals to {friend}, which no project in the repository builds");
                }
                else if (!MaySeeInternals(friend, project))
                {
                    problems.Add($"{project} must not grant its internals to {friend}: only tools ({string.Join(", ", Tools)}), "
                        + "layers above it that may reference it and are no surface, and those projects' tests may see them");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool MaySeeInternals(string friend, string project)
    {
        if (Tools.Contains(friend))
        {
            return true;
        }

        var user = friend.EndsWith(".Tests", StringComparison.Ordinal) ? friend[..^".Tests".Length] : friend;
        return (user == project && user != friend)
            || (!Layers.Surfaces.Contains(user) && Layers.AllowedReferences.GetValueOrDefault(user, []).Contains(project));
    }

    private static List<string> Friends(Assembly assembly) =>
        assembly.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0].Trim())
            .ToList();
}
