namespace Store.Engine;

/// <summary>A result column: its name and, for a stored column, its declared type (such as <c>VECTOR(384)</c>).</summary>
public sealed record ResultColumnInfo(string Name, string? DeclaredType);
