using Store.Core.Errors;
using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>What binding a statement needs besides the tree: its text (to place errors) and its parameter slots.</summary>
internal sealed class BindingContext(string sql, ParameterTable parameters)
{
    public string Sql { get; } = sql;

    public ParameterTable Parameters { get; } = parameters;

    /// <summary>Runs a binding step, placing any error it raises at the given syntax position.</summary>
    public T At<T>(int line, int column, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (StoreException error) when (error.Line is null)
        {
            throw StoreErrors.Located(error, Sql, line, column);
        }
    }

    public T At<T>(Expression expression, Func<T> step) => At(expression.Line, expression.Column, step);

    public T At<T>(Statement statement, Func<T> step) => At(statement.Line, statement.Column, step);

    /// <summary>Runs a statement's step that returns nothing, placing any error it raises at the statement.</summary>
    public void At(Statement statement, Action step) => At(statement.Line, statement.Column, () =>
    {
        step();
        return true;
    });

    public StoreException Error(StoreException error, int line, int column) => StoreErrors.Located(error, Sql, line, column);
}
