using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;

namespace Store.Sql.Operators;

/// <summary>
/// <c>rerank(model, query, (subquery))</c> in FROM: every row of the subquery with a <c>score</c>
/// column added, how well the row's last column, its text, answers the query; best first, so
/// <c>SELECT * FROM rerank(...) LIMIT k</c> is the top k (ties keep the subquery's order, and a
/// NULL text, scored NULL, comes last). The reranker scores the whole list in one call, so a
/// listwise reranker sees every candidate at once and in the first stage's order.
/// </summary>
internal sealed class RerankNode(PlanNode candidates, BoundExpression model, BoundExpression query, string? alias) : PlanNode
{
    public const string ScoreColumn = "score";

    public override Scope Scope { get; } = new([.. candidates.Scope.Columns.Select(c => c with { Table = alias }), new ScopeColumn(alias, ScoreColumn, new ColumnType(SqlType.Real))]);

    public override IReadOnlyList<PlanNode> Children => [candidates];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var rows = candidates.Execute(context).ToList();
        var (name, question) = (model.Evaluate([], context.Evaluation), query.Evaluate([], context.Evaluation));
        if (name.IsNull || question.IsNull)
        {
            return rows.Select(row => (DbValue[])[.. row, DbValue.Null]);
        }

        if (name.Kind != DbValueKind.Text || question.Kind != DbValueKind.Text)
        {
            throw StoreErrors.TypeMismatch($"rerank() takes a model name and a TEXT query, got {name.Kind}, {question.Kind}");
        }

        var texts = rows.Select(Text).ToList();
        var scored = Enumerable.Range(0, rows.Count).Where(i => texts[i] is not null).ToList();
        var values = scored.Count == 0 ? [] : context.Evaluation.Rerank(name.AsText, question.AsText, [.. scored.Select(i => texts[i]!)]);
        context.Evaluation.ModelRowsDone(scored.Count);

        // Kept as the column shows it (single precision), so equal-looking scores keep the subquery's order.
        var scores = new float?[rows.Count];
        for (var j = 0; j < scored.Count; j++)
        {
            scores[scored[j]] = (float)values[j];
        }

        return [.. Enumerable.Range(0, rows.Count).OrderByDescending(i => scores[i] ?? float.NegativeInfinity).ThenBy(i => scores[i] is null)
            .Select(i => (DbValue[])[.. rows[i], scores[i] is { } score ? DbValue.FromReal(score) : DbValue.Null])];
    }

    public override string Describe(QueryContext context) => $"rerank with {model} by {query}{(alias is null ? "" : $" as {alias}")}: candidates' last column";

    private static string? Text(DbValue[] row) => row[^1] switch
    {
        { IsNull: true } => null,
        { Kind: DbValueKind.Text } text => text.AsText,
        var other => throw StoreErrors.TypeMismatch($"rerank() scores its subquery's last column, which must be TEXT, not {other.Kind}"),
    };
}
