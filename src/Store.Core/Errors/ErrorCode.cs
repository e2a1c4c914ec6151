namespace Store.Core.Errors;

/// <summary>
/// Stable error codes. The numbers are part of the public contract: never renumber,
/// only append. Each code maps to one SQLSTATE in <see cref="StoreErrors"/>.
/// </summary>
public enum ErrorCode
{
    /// <summary>A bug inside Store; the message says where.</summary>
    Internal = 1,

    /// <summary>A caller passed an argument outside its documented range.</summary>
    InvalidArgument = 2,

    /// <summary>The operating system reported an I/O failure.</summary>
    IoError = 10,

    /// <summary>Another process holds the database's lock.</summary>
    DatabaseLocked = 11,

    /// <summary>The database was opened read-only, or the file cannot be written.</summary>
    ReadOnly = 12,

    /// <summary>The file is not a Store database.</summary>
    NotADatabase = 13,

    /// <summary>The file was written by a newer format version than this build reads.</summary>
    UnsupportedFormat = 14,

    /// <summary>A page or WAL frame failed its checksum or structural check.</summary>
    Corruption = 15,

    /// <summary>The database stopped accepting writes after an unrecoverable I/O error; reopen it.</summary>
    DatabasePoisoned = 16,

    /// <summary>A transaction was used after commit, rollback or dispose.</summary>
    TransactionClosed = 20,

    /// <summary>A write was attempted inside a read-only transaction.</summary>
    ReadOnlyTransaction = 21,

    /// <summary>A key or value exceeds the size the format can hold.</summary>
    TooLarge = 30,

    /// <summary>A statement nests deeper than the engine follows (SQLSTATE 54001, as PostgreSQL's statement_too_complex).</summary>
    TooComplex = 36,

    /// <summary>A table or index with that name already exists.</summary>
    AlreadyExists = 31,

    /// <summary>No table or index with that name exists.</summary>
    NotFound = 32,

    /// <summary>A row with that key already exists.</summary>
    DuplicateKey = 33,

    /// <summary>A stored value could not be decoded as the expected type.</summary>
    TypeMismatch = 34,

    /// <summary>A NOT NULL or similar constraint would be broken.</summary>
    ConstraintViolation = 35,

    /// <summary>SQL text that does not parse; the error carries line, column and a caret.</summary>
    SyntaxError = 40,

    /// <summary>The statement asks for something this version does not do yet, or never will; the message says which.</summary>
    NotSupported = 41,

    /// <summary>A name in the statement matches more than one column.</summary>
    AmbiguousName = 42,

    /// <summary>The statement uses a parameter that was given no value.</summary>
    MissingParameter = 43,

    /// <summary>BEGIN inside a transaction, or COMMIT / ROLLBACK outside one.</summary>
    TransactionState = 22,

    /// <summary>A model's files could not be found, checked or loaded, or running it failed; the message says which.</summary>
    ModelFailed = 50,

    /// <summary>The inference device that was asked for (for example cuda) is not usable on this machine.</summary>
    DeviceUnavailable = 51,
}
