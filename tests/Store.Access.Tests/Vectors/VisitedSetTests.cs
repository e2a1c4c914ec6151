using Store.Access.Vectors.Hnsw;

namespace Store.Access.Tests.Vectors;

/// <summary>The visited marks of a search, across the wrap-around of their 16-bit stamps.</summary>
public sealed class VisitedSetTests
{
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
