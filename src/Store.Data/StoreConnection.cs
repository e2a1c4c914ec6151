using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Store.Engine;

namespace Store.Data;

/// <summary>
/// A connection to a Store database: an engine <see cref="Store.Engine.Database"/> handle and one
/// <see cref="Session"/> on it, from <see cref="Open"/> to <see cref="Close"/>. Connections to one
/// file in one process share its engine (the registry in Store.Engine), so they see each other's
/// commits at once and never lock each other out; the file closes with the last connection.
/// </summary>
public sealed class StoreConnection : DbConnection
{
    private string _connectionString = "";
    private Store.Engine.Database? _database;
    private Session? _session;
    private ConnectionState _state = ConnectionState.Closed;

    public StoreConnection()
    {
    }

    public StoreConnection(string? connectionString)
    {
        ConnectionString = connectionString;
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("the connection string cannot change while the connection is open");
            }

            _connectionString = value ?? "";
        }
    }

    /// <summary>Always <c>main</c>: a connection holds one database.</summary>
    public override string Database => "main";

    public override string DataSource => new StoreConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>The version of the engine this provider runs.</summary>
    public override string ServerVersion => typeof(Store.Engine.Database).Assembly.GetName().Version?.ToString() ?? "";

    public override ConnectionState State => _state;

    /// <summary>The transaction begun by <see cref="BeginTransaction()"/> and not yet ended, if any.</summary>
    internal StoreTransaction? Transaction { get; set; }

    /// <summary>The open connection's engine session.</summary>
    internal Session Session => _session ?? throw new InvalidOperationException("the connection is not open");

    protected override DbProviderFactory DbProviderFactory => StoreProviderFactory.Instance;

    public override void Open()
    {
        if (_state == ConnectionState.Open)
        {
            return;
        }

        var builder = new StoreConnectionStringBuilder(_connectionString);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            throw new InvalidOperationException("the connection string names no Data Source (a file path or :memory:)");
        }

        try
        {
            StoreDbException.Translate(() =>
            {
                _database = Store.Engine.Database.Open(builder.DataSource, builder.ToOptions());
                _session = _database.OpenSession();
            });
        }
        catch (StoreDbException)
        {
            _database?.Dispose();
            _database = null;
            throw;
        }

        _state = ConnectionState.Open;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    /// <summary>Rolls back an open transaction and releases the session and the database handle.</summary>
    public override void Close()
    {
        if (_state == ConnectionState.Closed)
        {
            return;
        }

        try
        {
            Transaction?.Dispose();
        }
        finally
        {
            _session?.Dispose();
            _database?.Dispose();
            _session = null;
            _database = null;
            _state = ConnectionState.Closed;
            OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
        }
    }

    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("a Store connection holds one database; open another connection instead");

    public new StoreCommand CreateCommand() => new() { Connection = this, Transaction = Transaction };

    public new StoreTransaction BeginTransaction() => BeginTransaction(IsolationLevel.Unspecified);

    /// <summary>
    /// Begins the connection's one transaction. Every Store transaction is serializable (it holds
    /// the write lock, or a snapshot on a read-only connection), which satisfies any level asked for.
    /// </summary>
    public new StoreTransaction BeginTransaction(IsolationLevel isolationLevel)
    {
        if (isolationLevel == IsolationLevel.Chaos)
        {
            throw new ArgumentException("isolation level Chaos is not supported; Store transactions are serializable", nameof(isolationLevel));
        }

        if (Transaction is not null)
        {
            throw new InvalidOperationException("the connection already has a transaction; commit or roll it back first");
        }

        StoreDbException.Translate(Session.Begin);

        Transaction = new StoreTransaction(this);
        return Transaction;
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => CreateCommand();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }
}
