using Store.Access;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Parsing;
using Store.Sql.Syntax;
using Store.Storage.Paging;

namespace Store.Engine;

/// <summary>
/// One connection's state: its explicit transaction, if any, and its settings. Outside a
/// transaction each statement is its own: a query reads a snapshot, a change commits at once.
/// Inside one, a statement that fails is undone alone (a savepoint around each), leaving the
/// transaction open, and a failed statement never leaves part of its work behind.
/// </summary>
public sealed partial class Session : IDisposable
{
    private readonly Pager _pager;
    private readonly DatabaseState _state;
    private readonly bool _readOnly;
    private readonly SessionSettings _settings = new();
    private readonly PlanCache _plans = new();
    private readonly StatementCache _statements = new();
    private readonly Inference.ModelHost _models;
    private readonly Action<string>? _notices;
    private ReadTransaction? _transaction;
    private EvaluationContext? _lastEvaluation;

    internal Session(Pager pager, DatabaseState state, bool readOnly, Inference.ModelHost models, Action<string>? notices)
    {
        _pager = pager;
        _state = state;
        _readOnly = readOnly;
        _models = models;
        _notices = notices;
    }

    /// <summary>Whether BEGIN has opened a transaction that COMMIT or ROLLBACK has not ended.</summary>
    public bool InTransaction => _transaction is not null;

    /// <summary>
    /// Told, as a statement runs models over many rows (<c>UPDATE t SET emb = embed(body)</c>),
    /// how many rows it has embedded so far: for a progress display.
    /// </summary>
    public Action<long>? ModelProgress { get; set; }

    /// <summary>
    /// How many texts the last statement's <c>embed</c> calls cut at their model's maximum
    /// length (a query's count is complete once its rows are read).
    /// </summary>
    public int LastTruncatedInputs => _lastEvaluation?.TruncatedInputs ?? 0;

    /// <summary>The values given with SET (such as <c>hnsw.ef_search</c>).</summary>
    public IReadOnlyDictionary<string, DbValue> Settings => _settings.Values;

    /// <summary>Parses one statement (a trailing semicolon is allowed).</summary>
    public PreparedStatement Prepare(string sql)
    {
        var statements = PrepareScript(sql);
        return statements.Count == 1
            ? statements[0]
            : throw StoreErrors.InvalidArgument($"expected one statement, found {statements.Count}; run scripts statement by statement");
    }

    /// <summary>Parses a script of statements separated by semicolons (or takes it from this session's cache of recent texts).</summary>
    public IReadOnlyList<PreparedStatement> PrepareScript(string sql) =>
        _statements.GetOrAdd(sql, text => SqlParser.ParseScriptWithDepths(text).Select(s => new PreparedStatement(text, s.Syntax, s.Depth)).ToList());

    public QueryResult Execute(string sql, StatementParameters? parameters = null) => Execute(Prepare(sql), parameters);

    /// <summary>
    /// Runs a statement. One that nests deeply (see <see cref="PreparedStatement.NestsDeeply"/>)
    /// runs on a thread with a large stack, its rows read there, so that no depth up to the
    /// limit can overflow the caller's stack.
    /// </summary>
    public QueryResult Execute(PreparedStatement statement, StatementParameters? parameters = null) =>
        statement.NestsDeeply ? DeepStack.Run(() => Run(statement, parameters, readRowsNow: true)) : Run(statement, parameters, readRowsNow: false);

    private QueryResult Run(PreparedStatement statement, StatementParameters? parameters, bool readRowsNow)
    {
        parameters ??= new StatementParameters();
        var values = statement.Parameters.Resolve(parameters.Named, parameters.Positional);
        var binding = new BindingContext(statement.Sql, statement.Parameters);
        switch (statement.Syntax)
        {
            case TransactionStatement transaction:
                Control(transaction.Action);
                return QueryResult.Empty();
            case SetStatement set:
                _settings.Set(set, binding, values);
                return QueryResult.Empty();
        }

        if (statement.IsQuery)
        {
            return Query(statement.Syntax, binding, values, readRowsNow);
        }

        return QueryResult.Empty(Change(statement.Syntax, binding, values));
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _transaction = null;
    }

    private QueryResult Query(Statement statement, BindingContext binding, DbValue[] values, bool readRowsNow)
    {
        if (_transaction is not null)
        {
            // Inside a transaction later statements may change what a lazy cursor walks, so the rows are read now.
            var result = Run(_transaction, statement, binding, values);
            return new QueryResult(Columns(result), result.Rows.ToList(), -1, null);
        }

        var snapshot = _pager.BeginRead();
        try
        {
            var result = Run(snapshot, statement, binding, values);
            if (readRowsNow)
            {
                var rows = result.Rows.ToList();
                snapshot.Dispose();
                return new QueryResult(Columns(result), rows, -1, null);
            }

            return new QueryResult(Columns(result), result.Rows, -1, snapshot);
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    private int Change(Statement statement, BindingContext binding, DbValue[] values)
    {
        if (_readOnly)
        {
            throw StoreErrors.ReadOnly("this connection was opened read-only");
        }

        if (_transaction is WriteTransaction open)
        {
            var savepoint = open.BeginSavepoint();
            try
            {
                var affected = Run(open, statement, binding, values).RowsAffected;
                open.Release(savepoint);
                return affected;
            }
            catch
            {
                open.RollbackTo(savepoint);
                throw;
            }
        }

        using var write = _pager.BeginWrite();
        var changed = Run(write, statement, binding, values).RowsAffected;
        write.Commit();
        return changed;
    }

    private StatementResult Run(ReadTransaction transaction, Statement statement, BindingContext binding, DbValue[] values)
    {
        _lastEvaluation = new EvaluationContext(values, _models, ModelProgress, _notices);
        return new StatementExecutor(new QueryContext(transaction, _state, _lastEvaluation, _settings.Values), binding, _plans).Execute(statement);
    }

    private static List<ResultColumnInfo> Columns(StatementResult result) =>
        result.Columns.Select(c => new ResultColumnInfo(c.Name, c.DeclaredType)).ToList();
}
