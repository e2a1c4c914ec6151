using Store.Core.Errors;

namespace Store.Core.Vectors;

/// <summary>
/// The vectors distances are defined for: finite elements, and a squared length of at most a
/// quarter of float32's largest value. Then every float32 sum the kernels form stays finite
/// (||a - b||² ≤ 2||a||² + 2||b||², |a·b| ≤ ||a|| ||b||), so a distance is never Infinity and
/// rows never rank arbitrarily; past it, a typed error, for every metric alike.
/// </summary>
public static class VectorBounds
{
    public const double MaxSquaredLength = float.MaxValue / 4.0;

    /// <summary>Throws a typed error for a vector no distance can be computed for.</summary>
    public static void Check(ReadOnlySpan<float> vector)
    {
        var squared = 0.0;
        foreach (var x in vector)
        {
            if (!float.IsFinite(x))
            {
                throw StoreErrors.InvalidArgument("vector elements must be finite (no NaN or infinity)");
            }

            squared += (double)x * x;
        }

        if (squared > MaxSquaredLength)
        {
            throw StoreErrors.InvalidArgument($"vector is too long: its squared length {squared:G3} is past {MaxSquaredLength:G3}, where float32 distances overflow");
        }
    }
}
