using Store.Access.Encoding;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;

namespace Store.Access.Tests;

public class RowCodecTests
{
    [Fact]
    public void Every_kind_of_value_round_trips()
    {
        DbValue[] row =
        [
            DbValue.Null, DbValue.FromInteger(0), DbValue.FromInteger(long.MinValue), DbValue.FromInteger(long.MaxValue),
            DbValue.FromReal(-1.5e300), DbValue.FromReal(double.NaN), DbValue.FromText("héllo, 世界 🙂"), DbValue.FromText(""),
            DbValue.FromBlob([0, 1, 255]), DbValue.FromVector([0.5f, -1f, float.Epsilon]),
            DbValue.FromSparse(new SparseVector([3, 70000, 4_000_000_000], [0.25f, 1f, -2f])),
        ];

        Assert.Equal(row, RowCodec.Decode(RowCodec.Encode(row)));
    }

    [Fact]
    public void Truncated_or_garbled_rows_fail_with_a_typed_error_only()
    {
        var random = new Random(4);
        var encoded = RowCodec.Encode([DbValue.FromText("abc"), DbValue.FromVector([1f, 2f]), DbValue.FromInteger(300)]);
        for (var i = 0; i < encoded.Length; i++)
        {
            AssertDecodesOrFailsTyped(encoded[..i]);
        }

        for (var i = 0; i < 2000; i++)
        {
            var garbled = (byte[])encoded.Clone();
            garbled[random.Next(garbled.Length)] = (byte)random.Next(256);
            AssertDecodesOrFailsTyped(garbled);
        }
    }

    private static void AssertDecodesOrFailsTyped(byte[] bytes)
    {
        try
        {
            RowCodec.Decode(bytes);
        }
        catch (StoreException e)
        {
            Assert.True(e.Code is ErrorCode.TypeMismatch or ErrorCode.InvalidArgument, e.Message);
        }
    }
}
