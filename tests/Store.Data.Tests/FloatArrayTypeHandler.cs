using System.Data;
using Dapper;

namespace Store.Data.Tests;

/// <summary>
/// Lets Dapper pass float[] to VECTOR parameters and columns as one value. Without it Dapper
/// treats an array parameter as a list to expand into <c>(@q1, @q2, ...)</c>.
/// </summary>
internal sealed class FloatArrayTypeHandler : SqlMapper.TypeHandler<float[]>
{
    public override void SetValue(IDbDataParameter parameter, float[]? value) => parameter.Value = value;

    public override float[]? Parse(object value) => (float[])value;
}
