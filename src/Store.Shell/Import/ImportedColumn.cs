namespace Store.Shell.Import;

/// <summary>A target column of an import: its name and declared type (upper-case, such as <c>VECTOR(384)</c>).</summary>
internal sealed record ImportedColumn(string Name, string Type);
