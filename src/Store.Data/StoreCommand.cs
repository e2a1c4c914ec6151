using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Store.Core.Values;
using Store.Engine;

namespace Store.Data;

/// <summary>
/// SQL text to run on a <see cref="StoreConnection"/>. The text may hold several statements
/// separated by semicolons; they run in order, as in Microsoft.Data.Sqlite: a reader stops at each
/// statement that returns rows (one result set each, <see cref="DbDataReader.NextResult"/> moves
/// on), and <see cref="ExecuteNonQuery"/> runs them all and sums the rows they changed. The text
/// is parsed once and kept until it changes; binding and planning happen at each run.
/// </summary>
public sealed class StoreCommand : DbCommand
{
    private string _commandText = "";
    private IReadOnlyList<PreparedStatement>? _statements;

    public StoreCommand()
    {
    }

    public StoreCommand(string? commandText, StoreConnection? connection = null)
    {
        CommandText = commandText;
        Connection = connection;
    }

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            _commandText = value ?? "";
            _statements = null;
        }
    }

    /// <summary>Kept for callers that set it; not enforced, since the engine has no way to interrupt a statement.</summary>
    public override int CommandTimeout { get; set; } = 30;

    /// <summary>Always <see cref="CommandType.Text"/>: Store has no stored procedures.</summary>
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"Store runs only CommandType.Text, not {value}", nameof(value));
            }
        }
    }

    public new StoreConnection? Connection { get; set; }

    public new StoreParameterCollection Parameters { get; } = new();

    public new StoreTransaction? Transaction { get; set; }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => Connection;
        set => Connection = value as StoreConnection ?? (value is null ? null : throw new ArgumentException("a Store command needs a StoreConnection", nameof(value)));
    }

    protected override DbParameterCollection DbParameterCollection => Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = value as StoreTransaction ?? (value is null ? null : throw new ArgumentException("a Store command needs a StoreTransaction", nameof(value)));
    }

    /// <summary>Does nothing: statements run synchronously on the caller's thread and the engine cannot interrupt them.</summary>
    public override void Cancel()
    {
    }

    public new StoreParameter CreateParameter() => new();

    /// <summary>Parses the text now, so that a syntax error shows here and later runs skip the parse.</summary>
    public override void Prepare() => Statements(OpenConnection().Session);

    public new StoreDataReader ExecuteReader() => ExecuteReader(CommandBehavior.Default);

    /// <summary>
    /// Runs the statements up to the first that returns rows and returns a reader on its rows.
    /// Of the behaviours only <see cref="CommandBehavior.CloseConnection"/> changes anything.
    /// </summary>
    public new StoreDataReader ExecuteReader(CommandBehavior behavior)
    {
        var connection = OpenConnection();
        if (Transaction is not null && Transaction != connection.Transaction)
        {
            throw new InvalidOperationException("the command's transaction has completed or belongs to another connection");
        }

        var statements = Statements(connection.Session);
        return new StoreDataReader(connection, statements, Bind(statements), behavior);
    }

    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteReader();
        while (reader.NextResult())
        {
        }

        return reader.RecordsAffected;
    }

    /// <summary>The first column of the first row of the first result set; null when there is no row.</summary>
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.Read() ? reader.GetValue(0) : null;
    }

    protected override DbParameter CreateDbParameter() => CreateParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReader(behavior);

    private StoreConnection OpenConnection()
    {
        var connection = Connection ?? throw new InvalidOperationException("the command has no connection");
        return connection.State == ConnectionState.Open
            ? connection
            : throw new InvalidOperationException("the command's connection is not open");
    }

    private IReadOnlyList<PreparedStatement> Statements(Session session)
    {
        if (_statements is null)
        {
            if (string.IsNullOrWhiteSpace(_commandText))
            {
                throw new InvalidOperationException("the command has no CommandText");
            }

            _statements = StoreDbException.Translate(() => session.PrepareScript(_commandText));
        }

        return _statements;
    }

    /// <summary>
    /// Each statement's parameter values: every named parameter goes to every statement (those
    /// that do not use it ignore it), and the unnamed ones fill the <c>?</c> slots in text order
    /// across the statements.
    /// </summary>
    private List<StatementParameters> Bind(IReadOnlyList<PreparedStatement> statements)
    {
        var named = new List<(string Name, DbValue Value)>();
        var positional = new Queue<DbValue>();
        foreach (var parameter in Parameters.Items)
        {
            var value = StoreValueConverter.ToDbValue(parameter.Value, parameter.IsPositional ? "?" : parameter.ParameterName);
            if (parameter.IsPositional)
            {
                positional.Enqueue(value);
            }
            else
            {
                named.Add((parameter.ParameterName, value));
            }
        }

        var bound = new List<StatementParameters>(statements.Count);
        foreach (var statement in statements)
        {
            var parameters = new StatementParameters();
            foreach (var (name, value) in named)
            {
                parameters.Add(name, value);
            }

            foreach (var _ in statement.ParameterNames.Where(n => n is null))
            {
                if (positional.TryDequeue(out var value))
                {
                    parameters.Add(value);
                }
            }

            bound.Add(parameters);
        }

        return bound;
    }
}
