namespace Store.Core.Errors;

/// <summary>
/// The one exception type Store throws for expected failures. <see cref="Code"/> is stable
/// across versions; <see cref="SqlState"/> is the matching five-character SQLSTATE.
/// Instances are made only by <see cref="StoreErrors"/>.
/// </summary>
public class StoreException : Exception
{
    internal StoreException(ErrorCode code, string sqlState, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        SqlState = sqlState;
    }

    /// <summary>The stable error code.</summary>
    public ErrorCode Code { get; }

    /// <summary>The SQLSTATE class and subclass for this error.</summary>
    public string SqlState { get; }

    /// <summary>The page the error concerns, when there is one (corruption, I/O).</summary>
    public uint? PageNumber { get; init; }

    /// <summary>For SQL errors: the 1-based line of the offending token.</summary>
    public int? Line { get; init; }

    /// <summary>For SQL errors: the 1-based column of the offending token.</summary>
    public int? Column { get; init; }
}
