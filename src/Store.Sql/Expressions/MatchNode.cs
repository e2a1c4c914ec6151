using Store.Access.FullText;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Functions;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary>
/// <c>column MATCH query</c>: true when the row's value holds at least one of the query's terms as
/// the bm25 index on that column analyzes them (the terms OR-ed, as the index's search and
/// <c>bm25()</c> score them), false when it holds none or is NULL; NULL for a NULL query. A query
/// with no terms is a typed error, as it is for the search.
/// </summary>
internal sealed class MatchNode(string table, string column, int position, BoundExpression query) : BoundExpression
{
    public override bool IsRowIndependent => false;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        if (TextSearch.QueryText(query.Evaluate(row, context)) is not { } text)
        {
            return DbValue.Null;
        }

        var matching = context.Once((this, text), () =>
        {
            var catalog = context.Catalog ?? throw StoreErrors.NotSupported("MATCH outside a query");
            var index = TextSearch.Open(catalog, TextSearch.Find(catalog, table, [column]));
            return new Matching(index, [.. index.QueryTerms(text).Select(t => t.Term)]);
        });
        return SqlLogic.From(matching.Index.Matches(matching.Terms, row, [position]));
    }

    public override string ToString() => $"{column} MATCH {query}";

    private sealed record Matching(Bm25Index Index, IReadOnlyList<string> Terms);
}
