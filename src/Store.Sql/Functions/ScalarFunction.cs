using Store.Core.Values;

namespace Store.Sql.Functions;

/// <summary>A built-in scalar function: its name, how many arguments it takes, and its body over evaluated arguments.</summary>
internal sealed record ScalarFunction(string Name, int MinArguments, int MaxArguments, Func<DbValue[], DbValue> Body)
{
    /// <summary>Whether a NULL argument makes the result NULL without calling the body (true for most functions).</summary>
    public bool NullPropagating { get; init; } = true;
}
