using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Parsing;
using Store.Sql.Syntax;

namespace Store.Engine;

/// <summary>
/// One parsed statement, ready to run any number of times with different parameters. Binding and
/// planning happen at each run, against the schema the run's transaction sees.
/// </summary>
public sealed class PreparedStatement
{
    internal PreparedStatement(string sql, Statement syntax, int depth)
    {
        Sql = sql;
        Syntax = syntax;
        Parameters = new ParameterTable(syntax);
        NestsDeeply = depth > Nesting.ShallowDepth;
    }

    /// <summary>The whole text the statement was parsed from (error carets point into it).</summary>
    public string Sql { get; }

    /// <summary>The parameter slots in order: a name (without sigil) for named ones, null for each <c>?</c>.</summary>
    public IReadOnlyList<string?> ParameterNames => Parameters.Names;

    /// <summary>Whether the statement returns rows (SELECT, SHOW, DESCRIBE, PRAGMA, EXPLAIN).</summary>
    public bool IsQuery => Syntax is SelectStatement or ShowStatement or DescribeStatement or PragmaStatement or ExplainStatement;

    internal Statement Syntax { get; }

    internal ParameterTable Parameters { get; }

    /// <summary>Whether binding, planning and evaluating it recurse deep enough to need a large stack (<see cref="DeepStack"/>).</summary>
    internal bool NestsDeeply { get; }
}
