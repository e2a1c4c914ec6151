using Store.Core.Values;

namespace Store.Shell.Import;

/// <summary>A target column of an import: its name and declared type.</summary>
internal sealed record ImportedColumn(string Name, ColumnType Type);
