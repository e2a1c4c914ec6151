namespace Store.Architecture.Tests;

/// <summary>
/// The picture of DESIGN.md ("Layers") as data: each source project and the projects it may use.
/// A project may use itself and the layers listed for it, all of them below it; nothing reaches
/// upward. The surfaces sit on the engine's public API.
/// </summary>
internal static class Layers
{
    /// <summary>Each source project and the projects it may reference.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedReferences = new Dictionary<string, string[]>
    {
        ["Store.Core"] = [],
        ["Store.Storage"] = ["Store.Core"],
        ["Store.Access"] = ["Store.Core", "Store.Storage"],
        ["Store.Inference"] = ["Store.Core"],
        ["Store.Sql"] = ["Store.Core", "Store.Storage", "Store.Access", "Store.Inference"],
        ["Store.Engine"] = ["Store.Core", "Store.Storage", "Store.Access", "Store.Inference", "Store.Sql"],
        ["Store.Data"] = ["Store.Core", "Store.Engine"],
        ["Store.Shell"] = ["Store.Core", "Store.Engine", "Store.Data"],
    };

    /// <summary>The top layer: programs and providers built on the engine's public API only.</summary>
    public static readonly string[] Surfaces = ["Store.Data", "Store.Shell"];

    /// <summary>Whether code in <paramref name="project"/> may use types of <paramref name="other"/>.</summary>
    public static bool MayUse(string project, string other) =>
        project == other || AllowedReferences.GetValueOrDefault(project, []).Contains(other);
}
