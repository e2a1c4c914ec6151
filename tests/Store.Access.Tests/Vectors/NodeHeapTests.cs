using Store.Access.Vectors;

namespace Store.Access.Tests.Vectors;

/// <summary>The search heap against a sorted reference.</summary>
public sealed class NodeHeapTests
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
}
