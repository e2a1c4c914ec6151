using Store.Access.Catalog;
using Store.Access.FullText;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Syntax;

namespace Store.Sql.Functions;

/// <summary>
/// What <c>bm25(column, ..., query)</c> and <c>column MATCH query</c> share: the call's shape,
/// finding the bm25 index on exactly the named columns, and the query text's checks. A query is
/// plain words, OR-ed; a quoted phrase or a word marked <c>+</c> or <c>-</c> is refused rather than
/// read as plain words, so that no one gets OR semantics where they asked for something else.
/// </summary>
internal static class TextSearch
{
    public const string Method = "bm25";

    /// <summary>Whether a call is <c>bm25(column, ..., query)</c>: the indexed columns in index order, then the query.</summary>
    public static bool IsScoreCall(FunctionCallExpression call) =>
        string.Equals(call.Name, Method, StringComparison.OrdinalIgnoreCase) && !call.Star && !call.Distinct && call.Arguments.Count >= 2;

    /// <summary>The bm25 index of <paramref name="table"/> on exactly <paramref name="columns"/>, in that order, or a typed error.</summary>
    public static IndexInfo Find(SystemCatalog catalog, string table, IReadOnlyList<string> columns) =>
        catalog.IndexesOf(table).FirstOrDefault(i => i.Method is Bm25Method && i.Schema.Columns.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
        ?? throw StoreErrors.NoTextIndex(Method, table, columns);

    /// <summary>The bm25 index itself, opened in the catalog's transaction.</summary>
    public static Bm25Index Open(SystemCatalog catalog, IndexInfo index) => (Bm25Index)catalog.OpenIndex(index);

    /// <summary>A query value's text: null for NULL, a typed error for anything but TEXT or for query syntax not supported yet.</summary>
    public static string? QueryText(DbValue value)
    {
        if (value.IsNull)
        {
            return null;
        }

        if (value.Kind != DbValueKind.Text)
        {
            throw StoreErrors.TypeMismatch($"a {Method} text query must be TEXT, not a {ColumnType.Describe(value)}");
        }

        var text = value.AsText;
        return text.Contains('"') || text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length > 1 && w[0] is '+' or '-' && char.IsLetterOrDigit(w[1]))
            ? throw StoreErrors.NotSupported($"quoted phrases and +term / -term in the text query '{Shortened(text)}': {Method} queries are plain words, OR-ed")
            : text;
    }

    private static string Shortened(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
