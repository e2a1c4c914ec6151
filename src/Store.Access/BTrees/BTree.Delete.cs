using Store.Storage.Pages;

namespace Store.Access.BTrees;

/// <summary>
/// Deletion: remove the cell, free emptied nodes, merge a thin leaf into its neighbour when
/// both fit in one page, and shrink the root when it is left with a single child.
/// </summary>
internal sealed partial class BTree
{
    private enum NodeState
    {
        Unchanged,
        Changed,
        Underfull,
        Empty,
    }

    /// <summary>Removes the key; returns false when it was not there.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        var state = DeleteFrom(Root, key);
        if (state == NodeState.Unchanged)
        {
            return false;
        }

        ShrinkRoot();
        return true;
    }

    /// <summary>Frees every page of the tree, root included.</summary>
    public void Drop() => FreeSubtree(Root);

    private NodeState DeleteFrom(uint page, ReadOnlySpan<byte> key)
    {
        int childIndex;
        uint child;
        using (var handle = _txn.Read(page))
        {
            var bytes = CheckNode(page, handle.Bytes);
            if (NodeLayout.IsLeaf(bytes))
            {
                NodeLayout.Search(bytes, key, out var found);
                if (!found)
                {
                    return NodeState.Unchanged;
                }

                childIndex = -1;
                child = 0;
            }
            else
            {
                childIndex = NodeLayout.ChildIndexFor(bytes, key);
                child = NodeLayout.Child(bytes, childIndex);
            }
        }

        if (childIndex < 0)
        {
            var leaf = Writer.Write(page);
            var index = NodeLayout.Search(leaf, key, out _);
            FreeValue(leaf, index);
            NodeWriter.Remove(leaf, index);
            return StateOf(leaf);
        }

        var state = DeleteFrom(child, key);
        if (state == NodeState.Empty)
        {
            Writer.Free(child);
            var node = Writer.Write(page);
            RemoveChild(node, childIndex);
            return NodeLayout.Count(node) == 0 && NodeLayout.Rightmost(node) == 0 ? NodeState.Empty : NodeState.Changed;
        }

        if (state == NodeState.Underfull)
        {
            TryMergeLeaves(page, childIndex);
        }

        return state == NodeState.Unchanged ? NodeState.Unchanged : NodeState.Changed;
    }

    private NodeState StateOf(ReadOnlySpan<byte> leaf)
    {
        if (NodeLayout.Count(leaf) == 0)
        {
            return NodeState.Empty;
        }

        return NodeLayout.UsedBytes(leaf) < PageLayout.ContentSize(leaf.Length) / 4 ? NodeState.Underfull : NodeState.Changed;
    }

    /// <summary>
    /// Drops child slot <paramref name="index"/>: its key range joins the next slot's. For the
    /// rightmost child, the last cell's child becomes the rightmost.
    /// </summary>
    private static void RemoveChild(Span<byte> node, int index)
    {
        var count = NodeLayout.Count(node);
        if (index < count)
        {
            NodeWriter.Remove(node, index);
        }
        else if (count > 0)
        {
            var last = NodeLayout.Child(node, count - 1);
            NodeWriter.Remove(node, count - 1);
            NodeWriter.SetRightmost(node, last);
        }
        else
        {
            NodeWriter.SetRightmost(node, 0);
        }
    }

    /// <summary>Merges a thin leaf with a sibling under the same parent when the two fit in 3/4 of a page.</summary>
    private void TryMergeLeaves(uint parentPage, int childIndex)
    {
        uint left, right;
        using (var handle = _txn.Read(parentPage))
        {
            var count = NodeLayout.Count(handle.Bytes);
            if (count == 0)
            {
                return;
            }

            var leftIndex = childIndex < count ? childIndex : childIndex - 1;
            left = NodeLayout.Child(handle.Bytes, leftIndex);
            right = NodeLayout.Child(handle.Bytes, leftIndex + 1);
            childIndex = leftIndex;
        }

        List<byte[]> cells;
        using (var l = _txn.Read(left))
        using (var r = _txn.Read(right))
        {
            if (!NodeLayout.IsLeaf(l.Bytes) || !NodeLayout.IsLeaf(r.Bytes))
            {
                return;
            }

            var merged = NodeLayout.UsedBytes(l.Bytes) + NodeLayout.UsedBytes(r.Bytes) - NodeLayout.HeaderSize;
            if (merged > PageLayout.ContentSize(_txn.PageSize) * 3 / 4)
            {
                return;
            }

            cells = NodeWriter.CopyCells(l.Bytes);
            cells.AddRange(NodeWriter.CopyCells(r.Bytes));
        }

        NodeWriter.Build(Writer.Write(left), leaf: true, cells, 0);
        Writer.Free(right);
        var parent = Writer.Write(parentPage);
        NodeWriter.Remove(parent, childIndex);
        NodeWriter.SetChild(parent, childIndex, left);
    }

    /// <summary>While the root is an interior node with one child, pull that child up into the root.</summary>
    private void ShrinkRoot()
    {
        while (true)
        {
            uint only;
            using (var handle = _txn.Read(Root))
            {
                if (NodeLayout.IsLeaf(handle.Bytes) || NodeLayout.Count(handle.Bytes) > 0)
                {
                    return;
                }

                only = NodeLayout.Rightmost(handle.Bytes);
            }

            if (only == 0)
            {
                NodeWriter.Initialize(Writer.Write(Root), leaf: true);
                return;
            }

            using (var child = _txn.Read(only))
            {
                child.Bytes.CopyTo(Writer.Write(Root));
            }

            Writer.Free(only);
        }
    }

    private void FreeSubtree(uint page)
    {
        var children = new List<uint>();
        var overflow = new List<uint>();
        using (var handle = _txn.Read(page))
        {
            var bytes = CheckNode(page, handle.Bytes);
            var count = NodeLayout.Count(bytes);
            if (NodeLayout.IsLeaf(bytes))
            {
                for (var i = 0; i < count; i++)
                {
                    var value = NodeLayout.Value(bytes, i);
                    if (value.IsOverflow)
                    {
                        overflow.Add(value.OverflowPage);
                    }
                }
            }
            else
            {
                for (var i = 0; i <= count; i++)
                {
                    children.Add(NodeLayout.Child(bytes, i));
                }
            }
        }

        foreach (var first in overflow)
        {
            OverflowChain.Free(Writer, first);
        }

        foreach (var child in children)
        {
            FreeSubtree(child);
        }

        Writer.Free(page);
    }
}
