namespace Store.Core.Errors;

/// <summary>
/// Factory for every <see cref="StoreException"/>: one place that fixes each error's code,
/// SQLSTATE and wording, so messages stay consistent and greppable.
/// </summary>
public static class StoreErrors
{
    /// <summary>Characters of the offending line shown either side of a caret.</summary>
    private const int CaretContext = 80;

    public static StoreException Internal(string detail) =>
        new(ErrorCode.Internal, "XX000", $"internal error: {detail}");

    public static StoreException InvalidArgument(string detail) =>
        new(ErrorCode.InvalidArgument, "22023", $"invalid argument: {detail}");

    public static StoreException Io(string operation, string path, Exception inner) =>
        new(ErrorCode.IoError, "58030", $"I/O error during {operation} on '{path}': {inner.Message}", inner);

    public static StoreException Locked(string path) =>
        new(ErrorCode.DatabaseLocked, "55P03", $"database is locked: '{path}' is open in another process, and a Store file is open in one process at a time (every connection in that process shares it; readers in other processes are not supported yet); an open waits for it up to the busy timeout (Busy Timeout in a connection string, --busy-timeout in the shell)");

    public static StoreException Busy(string path, TimeSpan waited) =>
        new(ErrorCode.DatabaseLocked, "55P03", $"database is locked: another connection in this process held the write lock on '{path}' for longer than the busy timeout ({waited.TotalSeconds:0.###} s)");

    public static StoreException ReadOnly(string detail) =>
        new(ErrorCode.ReadOnly, "25006", $"database is read-only: {detail}");

    public static StoreException NotADatabase(string path, string detail) =>
        new(ErrorCode.NotADatabase, "58P01", $"'{path}' is not a Store database: {detail}");

    public static StoreException UnsupportedFormat(string path, int found, int supported) =>
        new(ErrorCode.UnsupportedFormat, "58P02",
            $"'{path}' uses format version {found}; this build reads version {supported} and older");

    /// <summary>Damage inside a write-ahead log, named by file and frame.</summary>
    public static StoreException LogCorruption(string log, long frame, string detail) =>
        new(ErrorCode.Corruption, "XX001", $"database corruption in write-ahead log '{log}' at frame {frame}: {detail}");

    /// <summary>A write-ahead log the database needs (it holds commits the main file lacks) that is missing, empty or another one.</summary>
    public static StoreException LogMissing(string log, string detail) =>
        new(ErrorCode.Corruption, "XX001", $"database corruption in write-ahead log '{log}': {detail}");

    public static StoreException Corruption(uint page, string detail) =>
        new(ErrorCode.Corruption, "XX001", $"database corruption in page {page}: {detail}") { PageNumber = page };

    public static StoreException Poisoned(Exception cause) =>
        new(ErrorCode.DatabasePoisoned, "58030",
            $"database no longer accepts writes after an I/O failure ({cause.Message}); close and reopen it", cause);

    public static StoreException TransactionClosed() =>
        new(ErrorCode.TransactionClosed, "25000", "the transaction has already been committed, rolled back or disposed");

    public static StoreException TransactionState(string detail) =>
        new(ErrorCode.TransactionState, "25001", detail);

    public static StoreException ReadOnlyTransaction() =>
        new(ErrorCode.ReadOnlyTransaction, "25006", "cannot write inside a read-only transaction");

    public static StoreException TooLarge(string what, long size, long limit) =>
        new(ErrorCode.TooLarge, "54000", $"{what} of {size} bytes exceeds the limit of {limit} bytes");

    public static StoreException TooComplex(string detail) =>
        new(ErrorCode.TooComplex, "54001", $"statement too complex: {detail}");

    public static StoreException AlreadyExists(string kind, string name) =>
        new(ErrorCode.AlreadyExists, "42P07", $"{kind} '{name}' already exists");

    public static StoreException NotFound(string kind, string name) =>
        new(ErrorCode.NotFound, "42P01", $"{kind} '{name}' does not exist");

    public static StoreException DuplicateKey(string where, string key) =>
        new(ErrorCode.DuplicateKey, "23505", $"duplicate key {key} in {where}");

    public static StoreException NotNullViolation(string table, string column) =>
        new(ErrorCode.ConstraintViolation, "23502", $"NOT NULL constraint failed: {table}.{column}");

    /// <summary>
    /// A SQL error at a position: the message names line and column and ends with the offending
    /// line and a caret under the column, as the shell prints it.
    /// </summary>
    public static StoreException Syntax(string detail, string sql, int line, int column)
    {
        return new(ErrorCode.SyntaxError, "42601", $"syntax error at line {line}, column {column}: {detail}\n{CaretUnder(sql, line, column)}")
        {
            Line = line,
            Column = column,
        };
    }

    public static StoreException TypeMismatch(string detail) =>
        new(ErrorCode.TypeMismatch, "42804", $"type mismatch: {detail}");

    public static StoreException UndefinedColumn(string name) =>
        new(ErrorCode.NotFound, "42703", $"column '{name}' does not exist");

    public static StoreException UndefinedFunction(string name, int arguments) =>
        new(ErrorCode.NotFound, "42883", $"function {name} taking {arguments} argument{(arguments == 1 ? "" : "s")} does not exist");

    public static StoreException AmbiguousColumn(string name) =>
        new(ErrorCode.AmbiguousName, "42702", $"column reference '{name}' is ambiguous");

    /// <summary>A full-text function or MATCH names columns that no full-text index of the table covers, in that order.</summary>
    public static StoreException NoTextIndex(string method, string table, IEnumerable<string> columns) =>
        new(ErrorCode.NotFound, "42704", $"no {method} index on {table}({string.Join(", ", columns)})");

    public static StoreException NotSupported(string detail) =>
        new(ErrorCode.NotSupported, "0A000", $"not supported: {detail}");

    public static StoreException MissingParameter(string name) =>
        new(ErrorCode.MissingParameter, "42P02", $"parameter {name} has no value");

    public static StoreException MalformedLiteral(string kind, string text, string detail) =>
        new(ErrorCode.InvalidArgument, "22P02", $"malformed {kind} literal '{(text.Length > 60 ? text[..60] + "..." : text)}': {detail}");

    public static StoreException ModelFailed(string model, string detail, Exception? inner = null) =>
        new(ErrorCode.ModelFailed, "58000", $"model '{model}': {detail}", inner);

    public static StoreException DeviceUnavailable(string device, string detail, Exception? inner = null) =>
        new(ErrorCode.DeviceUnavailable, "58000", $"device '{device}' is not usable: {detail}", inner);

    public static StoreException DimensionMismatch(int expected, int found) =>
        new(ErrorCode.InvalidArgument, "22000", $"vector has {found} dimensions, expected {expected}");

    /// <summary>
    /// The same error placed in a statement: line and column set, and the message followed by
    /// the offending line with a caret under the column, as syntax errors print.
    /// </summary>
    public static StoreException Located(StoreException error, string sql, int line, int column)
    {
        if (error.Line is not null)
        {
            return error;
        }

        return new(error.Code, error.SqlState, $"{error.Message} (line {line}, column {column})\n{CaretUnder(sql, line, column)}", error.InnerException)
        {
            PageNumber = error.PageNumber,
            Line = line,
            Column = column,
        };
    }

    /// <summary>
    /// The statement's line <paramref name="line"/>, and under it a caret at
    /// <paramref name="column"/>. A long line is cut to <see cref="CaretContext"/> characters
    /// either side of the caret, marked with "...": an error in a statement of megabytes must
    /// not echo megabytes.
    /// </summary>
    private static string CaretUnder(string sql, int line, int column)
    {
        var start = 0;
        for (var at = 1; at < line && start >= 0; at++)
        {
            start = sql.IndexOf('\n', start) is var newline and >= 0 ? newline + 1 : -1;
        }

        var end = start < 0 ? -1 : sql.IndexOf('\n', start);
        var text = start < 0 ? "" : sql[start..(end < 0 ? sql.Length : end)].TrimEnd('\r');
        var caret = Math.Max(column - 1, 0);
        var from = Math.Max(caret - CaretContext, 0);
        var to = Math.Min(caret + CaretContext, text.Length);
        var prefix = from > 0 ? "..." : "";
        var shown = prefix + text[from..Math.Max(to, from)] + (to < text.Length ? "..." : "");
        return shown + "\n" + new string(' ', caret - from + prefix.Length) + "^";
    }
}
