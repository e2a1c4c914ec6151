using System.Data;
using Store.Core.Vectors;

namespace Store.Data.Tests;

public class StoreParameterTests
{
    public static TheoryData<object?, object> Values => new()
    {
        { null, DBNull.Value },
        { DBNull.Value, DBNull.Value },
        { 42L, 42L },
        { 42, 42L },
        { (short)42, 42L },
        { (byte)42, 42L },
        { true, 1L },
        { 1.5, 1.5 },
        { 1.5f, 1.5 },
        { 1.5m, 1.5 },
        { "text", "text" },
        { 'c', "c" },
        { DayOfWeek.Tuesday, 2L },
        { new byte[] { 0xAB, 0xCD }, new byte[] { 0xAB, 0xCD } },
        { new[] { 1f, 2f }, new[] { 1f, 2f } },
        { new ReadOnlyMemory<float>([1f, 2f]), new[] { 1f, 2f } },
        { new SparseVector([3], [0.5f]), new SparseVector([3], [0.5f]) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Value_binds_by_its_clr_type(object? value, object expected)
    {
        using var connection = TestConnections.OpenMemory();

        Assert.Equal(expected, connection.Scalar("SELECT :v", new StoreParameter("v", value)));
    }

    [Fact]
    public void Direction_other_than_input_is_refused()
    {
        var parameter = new StoreParameter();

        Assert.Throws<ArgumentException>(() => parameter.Direction = ParameterDirection.Output);
        Assert.Equal(ParameterDirection.Input, parameter.Direction);
    }

    [Fact]
    public void ParameterName_null_reads_as_empty_and_binds_positionally()
    {
        using var connection = TestConnections.OpenMemory();
        var parameter = new StoreParameter { ParameterName = null, Value = 5 };

        Assert.Equal("", parameter.ParameterName);
        Assert.Equal(5L, connection.Scalar("SELECT ?", parameter));
    }

    [Fact]
    public void DbType_is_kept_and_reset_to_Object()
    {
        var parameter = new StoreParameter { DbType = DbType.Int64 };

        Assert.Equal(DbType.Int64, parameter.DbType);
        parameter.ResetDbType();
        Assert.Equal(DbType.Object, parameter.DbType);
    }
}
