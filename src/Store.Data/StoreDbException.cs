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

    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="state"/>, rethrowing a <see cref="StoreException"/>
    /// as a <see cref="StoreDbException"/>: the one place the provider translates engine errors. The
    /// state form lets a per-row call pass a static lambda and allocate nothing.
    /// </summary>
    internal static TResult Translate<TState, TResult>(TState state, Func<TState, TResult> body)
    {
        try
        {
            return body(state);
        }
        catch (StoreException e)
        {
            throw new StoreDbException(e);
        }
    }

    internal static TResult Translate<TResult>(Func<TResult> body) => Translate(body, static b => b());

    internal static void Translate(Action body) => Translate(body, static b =>
    {
        b();
        return true;
    });
}
