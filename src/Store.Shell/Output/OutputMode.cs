namespace Store.Shell.Output;

/// <summary>How the shell prints query results (<c>--mode</c>, <c>.mode</c>).</summary>
internal enum OutputMode
{
    /// <summary>Aligned columns with a header, fitted to the terminal.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header line.</summary>
    Csv,

    /// <summary>One JSON object per row, in a JSON array.</summary>
    Json,

    /// <summary>One <c>column = value</c> line per value, rows separated by a blank line.</summary>
    Line,
}
