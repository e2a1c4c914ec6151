using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Store.Data;

/// <summary>
/// An input parameter of a <see cref="StoreCommand"/>. A named one (<c>q</c>, <c>:q</c>, <c>@q</c>
/// or <c>$q</c>: the sigil does not matter) binds every <c>:q</c>, <c>@q</c> and <c>$q</c> in the
/// text; an unnamed one binds the next <c>?</c>. The value binds by its CLR type (float[] and
/// ReadOnlyMemory&lt;float&gt; to VECTOR, <see cref="Core.Vectors.SparseVector"/> to SPARSE);
/// <see cref="DbType"/> is kept for callers that set it but converts nothing.
/// </summary>
public sealed class StoreParameter : DbParameter
{
    private string _parameterName = "";

    public StoreParameter()
    {
    }

    public StoreParameter(string? parameterName, object? value)
    {
        ParameterName = parameterName;
        Value = value;
    }

    public override DbType DbType { get; set; } = DbType.Object;

    /// <summary>Always <see cref="ParameterDirection.Input"/>: statements return values only as rows.</summary>
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new ArgumentException($"Store parameters are input only, not {value}", nameof(value));
            }
        }
    }

    public override bool IsNullable { get; set; }

    [AllowNull]
    public override string ParameterName
    {
        get => _parameterName;
        set => _parameterName = value ?? "";
    }

    public override int Size { get; set; }

    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    public override bool SourceColumnNullMapping { get; set; }

    public override object? Value { get; set; }

    /// <summary>Whether the parameter binds a <c>?</c> rather than a name.</summary>
    internal bool IsPositional => _parameterName.Length == 0;

    public override void ResetDbType() => DbType = DbType.Object;

    /// <summary>Whether two parameter names bind the same slot: the sigil is ignored, and so is case.</summary>
    internal static bool SameName(string a, string b) =>
        string.Equals(WithoutSigil(a), WithoutSigil(b), StringComparison.OrdinalIgnoreCase);

    private static string WithoutSigil(string name) => name.TrimStart(':', '@', '$');
}
