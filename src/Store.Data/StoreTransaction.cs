using System.Data;
using System.Data.Common;

namespace Store.Data;

/// <summary>
/// The explicit transaction of a <see cref="StoreConnection"/>'s session, always serializable.
/// Once committed or rolled back (disposing rolls back) it is complete and
/// <see cref="Connection"/> is null, as ADO.NET expects.
/// </summary>
public sealed class StoreTransaction : DbTransaction
{
    private StoreConnection? _connection;

    internal StoreTransaction(StoreConnection connection)
    {
        _connection = connection;
    }

    public new StoreConnection? Connection => _connection;

    public override IsolationLevel IsolationLevel => IsolationLevel.Serializable;

    protected override DbConnection? DbConnection => _connection;

    public override void Commit() => End(commit: true);

    public override void Rollback() => End(commit: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is { } connection)
        {
            // A COMMIT or ROLLBACK in command text may have ended the session's transaction already.
            if (connection.Session.InTransaction)
            {
                Rollback();
            }
            else
            {
                Detach();
            }
        }

        base.Dispose(disposing);
    }

    private void End(bool commit)
    {
        // The session ends its transaction even when the commit fails, so this one is complete either way.
        var session = Detach().Session;
        StoreDbException.Translate(commit ? session.Commit : session.Rollback);
    }

    private StoreConnection Detach()
    {
        var connection = _connection ?? throw new InvalidOperationException("the transaction has already been committed or rolled back");
        _connection = null;
        connection.Transaction = null;
        return connection;
    }
}
