using Store.Access.Vectors.Hnsw;

namespace Store.Access.Tests.Vectors;

/// <summary>The working memory of a graph search: the node heap against a sort, and the visited set across its stamp wrap-around.</summary>
public sealed class SearchScratchTests
{
    [Fact]
    public void Node_heap_pops_in_key_order_across_interleaved_pushes_and_pops()
    {
        var random = new Random(52);
        var heap = new NodeHeap();
        var reference = new List<(float Key, int Node)>();
        for (var step = 0; step < 5_000; step++)
        {
            if (reference.Count > 0 && random.Next(3) == 0)
            {
                Assert.True(heap.TryPop(out var node, out var key));
                var smallest = reference.Min(entry => entry.Key);
                Assert.Equal(smallest, key);
                Assert.Contains((key, node), reference);
                reference.Remove((key, node));
            }
            else
            {
                var entry = ((float)random.NextDouble() - 0.5f, step);
                heap.Push(entry.Item2, entry.Item1);
                reference.Add(entry);
            }

            Assert.Equal(reference.Count, heap.Count);
            if (reference.Count > 0)
            {
                Assert.Equal(reference.Min(entry => entry.Key), heap.MinKey);
            }
        }

        heap.Clear();
        Assert.False(heap.TryPop(out _, out _));
    }

    [Fact]
    public void Visited_set_forgets_every_mark_at_each_reset_also_when_its_stamps_wrap_around()
    {
        var visited = new VisitedSet(8);
        for (var search = 0; search < 3 * ushort.MaxValue; search++)
        {
            visited.Reset(8);
            var node = search % 8;
            Assert.True(visited.Add(node));
            Assert.False(visited.Add(node));
            Assert.True(visited.Add((node + 1) % 8));
        }
    }
}
