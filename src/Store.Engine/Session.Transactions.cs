using Store.Core.Errors;
using Store.Sql.Syntax;
using Store.Storage.Paging;

namespace Store.Engine;

/// <summary>Explicit transactions: BEGIN takes the write lock at once (as SQLite's BEGIN IMMEDIATE), or a snapshot on a read-only connection.</summary>
public sealed partial class Session
{
    public void Begin()
    {
        if (_transaction is not null)
        {
            throw StoreErrors.TransactionState("a transaction is already open; COMMIT or ROLLBACK it first");
        }

        _transaction = _readOnly ? _pager.BeginRead() : _pager.BeginWrite();
    }

    public void Commit()
    {
        var transaction = _transaction ?? throw StoreErrors.TransactionState("there is no open transaction to commit");
        _transaction = null;
        using (transaction)
        {
            if (transaction is WriteTransaction write)
            {
                write.Commit();
            }
        }
    }

    public void Rollback()
    {
        var transaction = _transaction ?? throw StoreErrors.TransactionState("there is no open transaction to roll back");
        _transaction = null;
        transaction.Dispose();
    }

    private void Control(TransactionAction action)
    {
        switch (action)
        {
            case TransactionAction.Begin:
                Begin();
                break;
            case TransactionAction.Commit:
                Commit();
                break;
            default:
                Rollback();
                break;
        }
    }
}
