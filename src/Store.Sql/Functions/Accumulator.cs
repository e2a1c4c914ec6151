using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Functions;

/// <summary>
/// The running state of one aggregate over one group. NULLs are skipped (COUNT(*) counts rows);
/// SUM stays INTEGER while every input is, AVG is REAL, and SUM, AVG, MIN and MAX of no values are NULL.
/// </summary>
internal sealed class Accumulator(AggregateCall call)
{
    private readonly HashSet<DbValue[]>? _seen = call.Distinct ? new HashSet<DbValue[]>(new RowComparer(1)) : null;
    private long _count;
    private long _integerSum;
    private double _realSum;
    private bool _real;
    private DbValue _value;
    private bool _hasValue;

    public void Add(DbValue value)
    {
        if (call.Kind == AggregateKind.CountRows)
        {
            _count++;
            return;
        }

        if (call.Kind == AggregateKind.AnyValue)
        {
            if (!_hasValue)
            {
                (_value, _hasValue) = (value, true);
            }

            return;
        }

        if (value.IsNull || (_seen is not null && !_seen.Add([value])))
        {
            return;
        }

        _count++;
        switch (call.Kind)
        {
            case AggregateKind.Sum or AggregateKind.Avg:
                AddNumber(value);
                break;
            case AggregateKind.Min when !_hasValue || SqlComparer.CompareValues(value, _value) < 0:
            case AggregateKind.Max when !_hasValue || SqlComparer.CompareValues(value, _value) > 0:
                (_value, _hasValue) = (value, true);
                break;
        }
    }

    public DbValue Result() => call.Kind switch
    {
        AggregateKind.CountRows or AggregateKind.Count => DbValue.FromInteger(_count),
        AggregateKind.Sum when _count == 0 => DbValue.Null,
        AggregateKind.Sum => _real ? DbValue.FromReal(_realSum + _integerSum) : DbValue.FromInteger(_integerSum),
        AggregateKind.Avg => _count == 0 ? DbValue.Null : DbValue.FromReal((_realSum + _integerSum) / _count),
        _ => _hasValue ? _value : DbValue.Null,
    };

    /// <summary>Integers add exactly until one would overflow, then the sum continues in floating point.</summary>
    private void AddNumber(DbValue value)
    {
        if (value.Kind == DbValueKind.Integer && !_real)
        {
            var sum = (Int128)_integerSum + value.AsInteger;
            if (sum >= long.MinValue && sum <= long.MaxValue)
            {
                _integerSum = (long)sum;
                return;
            }
        }

        _real = true;
        _realSum += SqlArithmetic.ToDouble(value, call.Kind == AggregateKind.Sum ? "SUM" : "AVG");
    }
}
