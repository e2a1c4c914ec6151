namespace Store.Engine;

/// <summary>How a database file is opened (connection string <c>Mode</c>).</summary>
public enum OpenMode
{
    /// <summary>Read and write, creating the file when it does not exist.</summary>
    ReadWriteCreate,

    /// <summary>Read and write an existing file.</summary>
    ReadWrite,

    /// <summary>Read an existing file; every write is refused.</summary>
    ReadOnly,
}
