using System.Buffers.Binary;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// How one node is stored in the index's B+tree, keyed by node id:
/// [rowid i64][deleted u8][level u8][vector f32 x dimensions] and then, for each layer from 0
/// to level, [link count u16][node id i32 x count], all little-endian. The vector is kept here
/// (as the graph compares it) so that a tombstone, whose row is gone, still loads.
/// </summary>
internal static class HnswNodeRecord
{
    private const int HeaderSize = 10;

    public static byte[] Encode(HnswGraph graph, int node)
    {
        var level = graph.LevelOf(node);
        var size = HeaderSize + graph.Parameters.Dimensions * sizeof(float);
        for (var layer = 0; layer <= level; layer++)
        {
            size += sizeof(ushort) + graph.LinksOf(node, layer).Length * sizeof(int);
        }

        var record = new byte[size];
        BinaryPrimitives.WriteInt64LittleEndian(record, graph.RowIdOf(node));
        record[8] = graph.IsDeleted(node) ? (byte)1 : (byte)0;
        record[9] = (byte)level;
        var offset = HeaderSize;
        offset += WriteFloats(record.AsSpan(offset), graph.VectorOf(node));
        for (var layer = 0; layer <= level; layer++)
        {
            var links = graph.LinksOf(node, layer);
            BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(offset), (ushort)links.Length);
            offset += sizeof(ushort);
            foreach (var link in links)
            {
                BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(offset), link);
                offset += sizeof(int);
            }
        }

        return record;
    }

    /// <summary>Adds the stored node to <paramref name="graph"/> (ids must arrive in order) and returns its links per layer.</summary>
    public static int[][] Decode(HnswGraph graph, int expectedNode, ReadOnlySpan<byte> record)
    {
        var dimensions = graph.Parameters.Dimensions;
        if (record.Length < HeaderSize + dimensions * sizeof(float))
        {
            throw Core.Errors.StoreErrors.TypeMismatch($"HNSW node {expectedNode} is {record.Length} bytes, too short for {dimensions} dimensions");
        }

        var rowId = BinaryPrimitives.ReadInt64LittleEndian(record);
        var level = record[9];
        var vector = new float[dimensions];
        var offset = HeaderSize + ReadFloats(record[HeaderSize..], vector);
        var node = graph.AddStored(rowId, vector, level, deleted: record[8] != 0);
        if (node != expectedNode)
        {
            throw Core.Errors.StoreErrors.TypeMismatch($"HNSW node {expectedNode} is missing from the index");
        }

        var links = new int[level + 1][];
        for (var layer = 0; layer <= level; layer++)
        {
            int count = BinaryPrimitives.ReadUInt16LittleEndian(record[offset..]);
            offset += sizeof(ushort);
            if (count > graph.Parameters.MaxLinks(layer) || record.Length < offset + (count * sizeof(int)))
            {
                throw Core.Errors.StoreErrors.TypeMismatch($"HNSW node {expectedNode} has {count} links on layer {layer}, more than {graph.Parameters.MaxLinks(layer)} or than the record holds");
            }

            links[layer] = new int[count];
            for (var i = 0; i < count; i++, offset += sizeof(int))
            {
                links[layer][i] = BinaryPrimitives.ReadInt32LittleEndian(record[offset..]);
            }
        }

        return links;
    }

    private static int WriteFloats(Span<byte> target, ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(target[(i * sizeof(float))..], values[i]);
        }

        return values.Length * sizeof(float);
    }

    private static int ReadFloats(ReadOnlySpan<byte> source, Span<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(i * sizeof(float))..]);
        }

        return values.Length * sizeof(float);
    }
}
