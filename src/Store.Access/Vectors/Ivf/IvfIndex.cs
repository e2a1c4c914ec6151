using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Encoding;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Access.Vectors.Ivf;

/// <summary>
/// An IVF index as seen by one transaction: the lists from the database's
/// <see cref="VectorIndexCache"/>, kept in step with its pages. The B+tree holds the
/// <see cref="VectorIndexVersion"/>, the centroids (key -2), the codec's trained state (key
/// -3), and one entry per row keyed by (list, rowid), so each list's entries lie together in
/// key order: [list i32][code][the full vector, when the index re-ranks].
/// </summary>
internal sealed class IvfIndex(ReadTransaction txn, VectorIndexCache cache, IndexInfo index, IvfParameters parameters) : IVectorIndex
{
    /// <summary>Trained quantizers learn from at least this many rows.</summary>
    public const int MinimumTrainingRows = 256;

    private static readonly byte[] CentroidsKey = KeyCodec.RowIdKey(-2);
    private static readonly byte[] CodecKey = KeyCodec.RowIdKey(-3);

    public IvfParameters Parameters => parameters;

    public Core.Vectors.VectorMetric Metric => parameters.Metric;

    public int Column => index.ColumnPositions[0];

    /// <summary>Flat lists hold the vectors; quantized ones re-rank their best candidates from the stored vectors when asked to.</summary>
    public bool DistancesAreExact => parameters.Quantizer == IvfQuantizer.Flat || parameters.Rerank > 0;

    /// <summary>
    /// Trains the centroids by k-means on a sample of the rows (and the codec on residuals from
    /// them), fills the lists and writes everything (CREATE INDEX).
    /// </summary>
    public void Build(IReadOnlyList<(long RowId, float[] Vector)> rows)
    {
        var prepared = rows.Select(r => (r.RowId, Vector: IndexedVectors.Prepare(parameters.Metric, parameters.Dimensions, r.Vector)))
            .Where(r => r.Vector is not null).Select(r => (r.RowId, Vector: r.Vector!)).ToList();
        if (parameters.Quantizer != IvfQuantizer.Flat && prepared.Count < MinimumTrainingRows)
        {
            throw StoreErrors.InvalidArgument(
                $"an ivf index with quantizer {parameters.Quantizer.ToString().ToLowerInvariant()} learns its codes from the rows: create it once the table has at least {MinimumTrainingRows} vectors");
        }

        var random = new Random(2811);
        var sample = prepared.Select(r => r.Vector).OrderBy(_ => random.Next()).Take(Math.Max(parameters.Lists * 128, 16_384)).ToList();
        var centroids = KMeans.Train(sample, parameters.Lists, iterations: 20, seed: 2811);
        var codec = VectorCodec.Create(parameters);
        codec.Train(sample.Take(20_000).Select(v => (v, centroids[KMeans.Nearest(centroids, v).Index])).ToList());
        var lists = new IvfLists(parameters, codec, centroids);
        var tree = new BTree(txn, index.Root);
        foreach (var (rowId, vector) in prepared)
        {
            var (list, code) = lists.Add(rowId, vector);
            tree.Put(EntryKey(list, rowId), EntryValue(list, code, vector));
        }

        lists.CentroidsChanged = false;
        tree.Put(CentroidsKey, MemoryMarshal.AsBytes(lists.Centroids.SelectMany(c => c).ToArray().AsSpan()).ToArray());
        tree.Put(CodecKey, codec.Save());
        cache.Install(txn, index.Root, lists);
    }

    public void Insert(long rowId, float[] vector) => Change((lists, tree) =>
    {
        if (lists.Prepare(vector) is not { } prepared)
        {
            return;
        }

        var (list, code) = lists.Add(rowId, prepared);
        tree.Put(EntryKey(list, rowId), EntryValue(list, code, prepared));
        if (lists.CentroidsChanged)
        {
            tree.Put(CentroidsKey, MemoryMarshal.AsBytes(lists.Centroids.SelectMany(c => c).ToArray().AsSpan()).ToArray());
            lists.CentroidsChanged = false;
        }
    });

    public void Delete(long rowId) => Change((lists, tree) =>
    {
        if (lists.Remove(rowId) is { } list)
        {
            tree.Delete(EntryKey(list, rowId));
        }
    });

    public List<(long RowId, float Distance)>? Search(float[] query, int k, int probes, Func<long, bool>? allowed) =>
        cache.TryRead(txn, index.Root, Load, (IvfLists lists) => lists.Search(query, k, probes, allowed), out var found) ? found : null;

    public int? LiveCount() =>
        cache.TryRead(txn, index.Root, Load, (IvfLists lists) => lists.LiveCount, out var count) ? count : null;

    public List<string> Check(IReadOnlyList<(long RowId, DbValue[] Values)> rows)
    {
        var lists = Load();
        var expected = rows.Where(r => r.Values[Column].Kind == DbValueKind.Vector && lists.Prepare(r.Values[Column].AsVector) is not null).Select(r => r.RowId).ToList();
        var missing = expected.Count(rowId => lists.Remove(rowId) is null);
        return missing > 0 || lists.LiveCount > 0 ? [$"{lists.LiveCount} entr(ies) without a matching row, {missing} row(s) missing from the lists"] : [];
    }

    private void Change(Action<IvfLists, BTree> change) =>
        cache.Write(txn, index.Root, Load, (IvfLists lists) => change(lists, new BTree(txn, index.Root)));

    /// <summary>Reads the lists from this transaction's pages.</summary>
    private IvfLists Load()
    {
        var tree = new BTree(txn, index.Root);
        var dimensions = parameters.Dimensions;
        var centroids = tree.TryGet(CentroidsKey, out var stored) ? MemoryMarshal.Cast<byte, float>(stored).ToArray().Chunk(dimensions).ToList() : [];
        var codec = VectorCodec.Create(parameters);
        if (tree.TryGet(CodecKey, out var trained))
        {
            codec.Load(trained);
        }

        var lists = new IvfLists(parameters, codec, centroids);
        // Entry keys start with the number tag (0x02); the metadata keys (-1, -2, -3) with 0x7F.
        var first = KeyCodec.Prefix([DbValue.FromInteger(0)]);
        foreach (var entry in tree.Scan(first, KeyCodec.PrefixEnd(KeyCodec.Prefix([DbValue.FromInteger(int.MaxValue)]))))
        {
            var value = entry.Value.AsSpan();
            var list = BinaryPrimitives.ReadInt32LittleEndian(value);
            var code = value.Slice(sizeof(int), codec.CodeSize);
            var vector = parameters.Rerank > 0 ? MemoryMarshal.Cast<byte, float>(value[(sizeof(int) + codec.CodeSize)..]) : [];
            lists.Place(KeyCodec.DecodeRowId(entry.Key), list, code, vector);
        }

        return lists;
    }

    private static byte[] EntryKey(int list, long rowId) => KeyCodec.IndexKey([DbValue.FromInteger(list)], rowId);

    private byte[] EntryValue(int list, ReadOnlySpan<byte> code, ReadOnlySpan<float> vector)
    {
        var vectorBytes = parameters.Rerank > 0 ? MemoryMarshal.AsBytes(vector) : [];
        var value = new byte[sizeof(int) + code.Length + vectorBytes.Length];
        BinaryPrimitives.WriteInt32LittleEndian(value, list);
        code.CopyTo(value.AsSpan(sizeof(int)));
        vectorBytes.CopyTo(value.AsSpan(sizeof(int) + code.Length));
        return value;
    }
}
