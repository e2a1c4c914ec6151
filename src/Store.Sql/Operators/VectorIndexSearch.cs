using Store.Access.Catalog;
using Store.Access.Vectors;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>
/// One execution of <see cref="VectorIndexSearchNode"/>: the strategies for answering with the index,
/// each null when the exact scan has to answer instead.
/// </summary>
internal sealed class VectorIndexSearch(
    QueryContext context, IndexInfo index, int column, VectorMetric metric, BoundExpression? filter, PlanNode? prefilter, float[] vector, int k, int breadth)
{
    /// <summary>Up to this many qualifying rows (or 20 per row wanted) are ranked exactly rather than searched for.</summary>
    private const int ExactRankLimit = 2000;

    private readonly IVectorIndex _index = context.Catalog.OpenVectorIndex(index);
    private Access.Tables.Table? _rows;

    private Access.Tables.Table Rows => _rows ??= context.Catalog.OpenTable(index.Schema.Table);

    public List<DbValue[]>? Unfiltered() =>
        Nearest() is { } found ? Ranked(found.Select(f => f.RowId)) : null;

    /// <summary>
    /// The rows found, in the index's (exact) distance order with ties by rowid, each
    /// <paramref name="width"/> wide with only the rowid and its alias column set: for a query
    /// that reads nothing else, so no row is read.
    /// </summary>
    public List<DbValue[]>? IndexOnly(int width)
    {
        if (Nearest() is not { } found)
        {
            return null;
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.RowId.CompareTo(b.RowId));
        var alias = context.Catalog.GetTable(index.Schema.Table).Schema.RowIdAliasIndex;
        return found.Select(f =>
        {
            var row = new DbValue[width];
            row[^1] = DbValue.FromInteger(f.RowId);
            if (alias >= 0)
            {
                row[alias] = row[^1];
            }

            return row;
        }).ToList();
    }

    public List<DbValue[]>? Filtered()
    {
        if (_index.LiveCount() is not { } live)
        {
            return null;
        }

        if (prefilter is not null && Qualifying(live / 2) is { } allowed)
        {
            if (allowed.Count <= Math.Max(ExactRankLimit, 20 * k))
            {
                return Ranked(allowed);
            }

            // IVF scans only the probed lists, so it may find fewer allowed rows than there are:
            // then the allowed rows are ranked exactly, which keeps "k rows whenever k match".
            return _index.Search(vector, k, breadth, allowed.Contains) switch
            {
                null => null,
                var found when found.Count < Math.Min(k, allowed.Count) => Ranked(allowed),
                var found => Ranked(found.Select(f => f.RowId)),
            };
        }

        return Widening(live);
    }

    /// <summary>
    /// The index's k nearest rows, fewer only when it holds fewer. A search can come back short
    /// of rows the index holds: a graph node no walk reaches, IVF lists too small for k. Then
    /// it widens, four times the breadth each round, and past a quarter of the index gives
    /// null, so that the exact scan answers: k rows whenever k rows have a distance.
    /// </summary>
    private List<(long RowId, float Distance)>? Nearest()
    {
        var width = breadth;
        while (_index.Search(vector, k, width, null) is { } found)
        {
            if (found.Count >= k)
            {
                return found;
            }

            if (_index.LiveCount() is not { } live)
            {
                return null;
            }

            if (found.Count >= live)
            {
                return found;
            }

            width *= 4;
            if (width > live / 4)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Searches for ever more rows and filters them, until k pass; null when the exact scan should finish.</summary>
    private List<DbValue[]>? Widening(int live)
    {
        var (wanted, width) = (2 * k, breadth);
        while (_index.Search(vector, wanted, width, null) is { } found)
        {
            var passing = Ranked(found.Select(f => f.RowId));
            if (passing.Count >= k || found.Count >= live)
            {
                return passing;
            }

            // Past a quarter of the index, reading every vector exactly costs less than searching.
            (wanted, width) = (wanted * 4, width * 4);
            if (wanted > live / 4)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Rowids of the rows the prefilter finds that pass the filter; null when there are more than <paramref name="cap"/>.</summary>
    private HashSet<long>? Qualifying(int cap)
    {
        var allowed = new HashSet<long>();
        foreach (var row in prefilter!.Execute(context))
        {
            if (SqlLogic.IsTrue(filter!.Evaluate(row, context.Evaluation)) && allowed.Add(row[^1].AsInteger) && allowed.Count > cap)
            {
                return null;
            }
        }

        return allowed;
    }

    /// <summary>The k nearest of the given rows that pass the filter, by the SQL distance, ties by rowid.</summary>
    private List<DbValue[]> Ranked(IEnumerable<long> rowIds)
    {
        var ranked = new List<(double Distance, long RowId, DbValue[] Row)>();
        foreach (var rowId in rowIds)
        {
            if (Rows.Get(rowId) is not { } values || values[column].Kind != DbValueKind.Vector)
            {
                continue;
            }

            var row = TableColumns.WithRowId(values, rowId);
            var distance = VectorDistances.Distance(metric, values[column].AsVector, vector);
            if (!double.IsNaN(distance) && (filter is null || SqlLogic.IsTrue(filter.Evaluate(row, context.Evaluation))))
            {
                ranked.Add((distance, rowId, row));
            }
        }

        ranked.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.RowId.CompareTo(b.RowId));
        return ranked.Take(k).Select(r => r.Row).ToList();
    }
}
