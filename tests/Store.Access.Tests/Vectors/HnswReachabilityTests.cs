using Store.Access.Vectors.Hnsw;
using Store.Core.Vectors;
using Store.Testing.Vectors;

namespace Store.Access.Tests.Vectors;

/// <summary>
/// Issue 15, part 1, on the graph itself: every live node stays reachable from the entry point
/// on layer 0 through any interleaving of inserts, updates and deletes, and the parallel build
/// leaves none behind. (A search starts layer 0 where the descent ends, not at the entry point,
/// so a search as wide as the graph may still come back short; the SQL tests check that the
/// query then answers in full.)
/// </summary>
public class HnswReachabilityTests
{
    /// <summary>
    /// After every step, every live node is reachable, or became unreachable fewer changes ago
    /// than the graph's walk interval (NodeCount / <see cref="HnswGraph.WalkEveryChangeNodes"/>,
    /// so none at all while the graph is that small). m = 4 with ef_construction = 8 is the
    /// hardest case: it makes islands that only the walk finds.
    /// </summary>
    [Theory]
    [InlineData(4, 8, 40, 3000, 21)]
    [InlineData(4, 8, 300, 3000, 22)]
    [InlineData(8, 16, 2000, 4000, 23)]
    [InlineData(16, 32, 1500, 3000, 24)]
    public void Every_live_node_stays_reachable_through_inserts_updates_and_deletes(int m, int efConstruction, int maxRows, int steps, int seed)
    {
        const int dimensions = 8;
        var pool = ClusteredVectors.Generate(4096, dimensions, seed);
        var graph = new HnswGraph(new HnswParameters(VectorMetric.L2, dimensions, m, efConstruction));
        var random = new Random(seed);
        var live = new List<long>();
        var unreachableSince = new Dictionary<long, int>();
        var nextRow = 0L;
        for (var step = 1; step <= steps; step++)
        {
            var roll = random.Next(1000);
            if (roll < 3)
            {
                live.ForEach(row => graph.Delete(row));
                live.Clear();
            }
            else if (live.Count > 0 && (roll < 350 || live.Count >= maxRows))
            {
                var row = live[random.Next(live.Count)];
                Assert.True(graph.Delete(row));
                live.Remove(row);
            }
            else if (live.Count > 0 && roll < 500)
            {
                var row = live[random.Next(live.Count)];
                Assert.True(graph.Delete(row));
                Assert.True(graph.Insert(row, pool[random.Next(pool.Length)]));
            }
            else
            {
                Assert.True(graph.Insert(nextRow, pool[random.Next(pool.Length)]));
                live.Add(nextRow++);
            }

            Assert.Equal(live.Count, graph.LiveCount);
            var unreachable = graph.Unreachable().Select(graph.RowIdOf).ToHashSet();
            foreach (var row in unreachableSince.Keys.Where(r => !unreachable.Contains(r)).ToList())
            {
                unreachableSince.Remove(row);
            }

            var interval = graph.NodeCount / HnswGraph.WalkEveryChangeNodes;
            foreach (var row in unreachable)
            {
                var since = unreachableSince.TryAdd(row, step) ? step : unreachableSince[row];
                Assert.True(step - since < interval, $"step {step}: row {row} unreachable since step {since}, with a walk due every {interval} changes of {graph.NodeCount} nodes");
            }
        }
    }

    [Fact]
    public void Deleting_the_entry_point_hands_it_to_a_live_node_and_loading_derives_the_same_one()
    {
        var graph = new HnswGraph(new HnswParameters(VectorMetric.L2, 2, 4, 16));
        for (var row = 0; row < 200; row++)
        {
            graph.Insert(row, [row % 17, row / 17]);
        }

        for (var i = 0; i < 150; i++)
        {
            var entry = graph.EntryPoint;
            Assert.True(graph.Delete(graph.RowIdOf(entry)));
            Assert.False(graph.IsDeleted(graph.EntryPoint));
            Assert.Equal(Loaded(graph).EntryPoint, graph.EntryPoint);
        }

        Assert.Empty(graph.Unreachable());
    }

    [Fact]
    public void The_parallel_build_leaves_no_node_unreachable_and_takes_the_same_entry_point_each_time()
    {
        var vectors = ClusteredVectors.Generate(HnswBuilder.SerialBelowRows, 16, seed: 31);
        var rows = vectors.Select((v, i) => ((long)i, v)).ToList();
        var entries = new HashSet<int>();
        for (var build = 0; build < 4; build++)
        {
            var graph = HnswBuilder.Build(new HnswParameters(VectorMetric.L2, 16, 16, 64), rows, threads: 4);
            Assert.Empty(graph.Unreachable());
            entries.Add(graph.EntryPoint);
        }

        Assert.Single(entries);
    }

    /// <summary>The graph as loading its records would rebuild it: nodes, tombstones and links as stored.</summary>
    private static HnswGraph Loaded(HnswGraph graph)
    {
        var copy = new HnswGraph(graph.Parameters);
        for (var node = 0; node < graph.NodeCount; node++)
        {
            copy.AddStored(graph.RowIdOf(node), graph.VectorOf(node), graph.LevelOf(node), graph.IsDeleted(node));
        }

        for (var node = 0; node < graph.NodeCount; node++)
        {
            for (var level = 0; level <= graph.LevelOf(node); level++)
            {
                copy.SetLinks(node, level, graph.LinksOf(node, level));
            }
        }

        return copy;
    }
}
