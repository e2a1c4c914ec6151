using System.Data.Common;
using Store.Core.Errors;

namespace Store.Data;

/// <summary>
/// A Store error as ADO.NET code expects one: the engine's <see cref="StoreException"/> (kept as
/// <see cref="Exception.InnerException"/>) with its message, its SQLSTATE in <see cref="SqlState"/>
/// and its stable <see cref="Core.Errors.ErrorCode"/> number in <see cref="ErrorCode"/>.
/// </summary>
public sealed class StoreDbException : DbException
{
    private StoreDbException(StoreException error)
        : base(error.Message, error)
    {
        Code = error.Code;
        SqlState = error.SqlState;
    }

    /// <summary>The stable error code (also as a number in <see cref="ErrorCode"/>).</summary>
    public ErrorCode Code { get; }

    public override string SqlState { get; }

    public override int ErrorCode => (int)Code;

    /// <summary>A write that found the database locked may succeed if tried again.</summary>
    public override bool IsTransient => Code == Core.Errors.ErrorCode.DatabaseLocked;

    internal static StoreDbException From(StoreException error) => new(error);
}
