using System.Collections;
using System.Data.Common;

namespace Store.Data;

/// <summary>
/// The parameters of a <see cref="StoreCommand"/>, in order. Look-ups by name ignore the sigil and
/// case, as binding does, so <c>Contains("q")</c> finds a parameter named <c>@q</c>.
/// </summary>
public sealed class StoreParameterCollection : DbParameterCollection
{
    private readonly List<StoreParameter> _items = [];

    internal StoreParameterCollection()
    {
    }

    public override int Count => _items.Count;

    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    public new StoreParameter this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public new StoreParameter this[string parameterName]
    {
        get => _items[IndexOfExisting(parameterName)];
        set => _items[IndexOfExisting(parameterName)] = value;
    }

    public StoreParameter Add(StoreParameter parameter)
    {
        _items.Add(parameter);
        return parameter;
    }

    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    public StoreParameter AddWithValue(string? parameterName, object? value) => Add(new StoreParameter(parameterName, value));

    public override void AddRange(Array values)
    {
        foreach (var value in values)
        {
            Add(value!);
        }
    }

    public override void Clear() => _items.Clear();

    public override bool Contains(object value) => value is StoreParameter p && _items.Contains(p);

    public override bool Contains(string value) => IndexOf(value) >= 0;

    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    public override int IndexOf(object value) => value is StoreParameter p ? _items.IndexOf(p) : -1;

    public override int IndexOf(string parameterName) => _items.FindIndex(p => StoreParameter.SameName(p.ParameterName, parameterName));

    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    public override void Remove(object value) => _items.Remove(Cast(value));

    public override void RemoveAt(int index) => _items.RemoveAt(index);

    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOfExisting(parameterName));

    protected override DbParameter GetParameter(int index) => _items[index];

    protected override DbParameter GetParameter(string parameterName) => this[parameterName];

    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    protected override void SetParameter(string parameterName, DbParameter value) => this[parameterName] = Cast(value);

    /// <summary>The parameters in order, for binding.</summary>
    internal IReadOnlyList<StoreParameter> Items => _items;

    private int IndexOfExisting(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index >= 0 ? index : throw new IndexOutOfRangeException($"the command has no parameter named '{parameterName}'");
    }

    private static StoreParameter Cast(object value) =>
        value as StoreParameter ?? throw new InvalidCastException($"a Store command takes StoreParameter objects, not {value?.GetType().ToString() ?? "null"}");
}
