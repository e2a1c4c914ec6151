using System.Globalization;
using System.Text;

namespace Store.Access.Integrity;

/// <summary>
/// What the integrity check found: a list of problems (empty when the database is sound) and
/// page accounting and per-tree shape, in a form people can read.
/// </summary>
internal sealed record IntegrityReport(
    IReadOnlyList<string> Problems,
    uint PageCount,
    uint FreePages,
    IReadOnlyList<TreeStats> Trees)
{
    public bool IsOk => Problems.Count == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(IsOk ? "ok" : $"{Problems.Count} problem(s)");
        foreach (var problem in Problems)
        {
            text.Append("  ").AppendLine(problem);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"pages: {PageCount} total, {FreePages} free");
        foreach (var tree in Trees)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{tree.Name}: {tree.Entries} entries, {tree.Pages} pages, depth {tree.Depth}, leaf fill {tree.LeafFill:P0}, {tree.OverflowPages} overflow pages");
        }

        return text.ToString();
    }
}
