using Store.Access.Encoding;
using Store.Core.Values;
using Store.Testing;

namespace Store.Access.Tests;

public class KeyCodecTests
{
    [Fact]
    public void Encoded_keys_sort_as_sql_orders_their_values()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 3000).Select(_ => RandomValue(random)).ToList();
        values.AddRange([
            DbValue.FromInteger(long.MaxValue), DbValue.FromInteger(long.MaxValue - 1), DbValue.FromInteger(long.MinValue),
            DbValue.FromReal(9.2233720368547758E18), DbValue.FromInteger((1L << 53) + 1), DbValue.FromReal(1L << 53),
            DbValue.FromReal(-0.0), DbValue.FromInteger(0), DbValue.FromText(""), DbValue.FromText("a\0b"), DbValue.FromText("a"),
            DbValue.FromBlob([]), DbValue.FromBlob([0]), DbValue.FromReal(double.NegativeInfinity), DbValue.FromReal(double.PositiveInfinity),
        ]);

        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(values.Count, i + 40); j++)
            {
                var expected = Math.Sign(SqlOrder.Compare(values[i], values[j]));
                var actual = Math.Sign(ByteOrder.Instance.Compare(KeyCodec.Prefix([values[i]]), KeyCodec.Prefix([values[j]])));
                Assert.True(expected == actual, $"{values[i]} vs {values[j]}: expected {expected}, encoded order {actual}");
            }
        }
    }

    [Fact]
    public void Composite_keys_order_by_first_column_then_second()
    {
        var a = KeyCodec.IndexKey([DbValue.FromText("ab"), DbValue.FromInteger(9)], 1);
        var b = KeyCodec.IndexKey([DbValue.FromText("ab\0"), DbValue.FromInteger(1)], 1);
        var c = KeyCodec.IndexKey([DbValue.FromText("abc"), DbValue.FromInteger(0)], 1);
        Assert.True(ByteOrder.Instance.Compare(a, b) < 0);
        Assert.True(ByteOrder.Instance.Compare(b, c) < 0);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Row_ids_round_trip_and_sort_numerically(long rowId)
    {
        Assert.Equal(rowId, KeyCodec.DecodeRowId(KeyCodec.RowIdKey(rowId)));
        if (rowId < long.MaxValue)
        {
            Assert.True(ByteOrder.Instance.Compare(KeyCodec.RowIdKey(rowId), KeyCodec.RowIdKey(rowId + 1)) < 0);
        }
    }

    [Fact]
    public void Vectors_cannot_be_index_keys()
    {
        var error = Assert.Throws<Core.Errors.StoreException>(() => KeyCodec.Prefix([DbValue.FromVector([1f])]));
        Assert.Equal(Core.Errors.ErrorCode.TypeMismatch, error.Code);
    }

    private static DbValue RandomValue(Random random) => random.Next(6) switch
    {
        0 => DbValue.Null,
        1 => DbValue.FromInteger(random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64)),
        2 => DbValue.FromInteger(random.Next(-5, 5)),
        3 => DbValue.FromReal((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 20))),
        4 => DbValue.FromText(new string(Enumerable.Range(0, random.Next(4)).Select(_ => (char)random.Next(0, 300)).ToArray())),
        _ => DbValue.FromBlob(Enumerable.Range(0, random.Next(4)).Select(_ => (byte)random.Next(0, 3)).ToArray()),
    };
}
