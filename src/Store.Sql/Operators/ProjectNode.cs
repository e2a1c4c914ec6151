using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;

namespace Store.Sql.Operators;

/// <summary>Computes the output columns of each row; model calls among them run in batches of rows (see <see cref="ModelBatches"/>).</summary>
internal sealed class ProjectNode(PlanNode input, IReadOnlyList<BoundExpression> expressions, Scope scope, IReadOnlyList<ModelCallNode>? modelCalls = null) : PlanNode
{
    public override Scope Scope => scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        foreach (var row in ModelBatches.Prefetching(input.Execute(context), modelCalls ?? [], context.Evaluation))
        {
            var output = new DbValue[expressions.Count];
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = expressions[i].Evaluate(row, context.Evaluation);
            }

            yield return output;
        }
    }

    public override string Describe(QueryContext context) => $"project {string.Join(", ", expressions)}";
}
