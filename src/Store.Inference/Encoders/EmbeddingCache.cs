namespace Store.Inference.Encoders;

/// <summary>
/// The most recently used query embeddings of one model, by text, so a repeated search
/// (a prepared statement run again, the same query in a benchmark loop) does not re-encode.
/// </summary>
internal sealed class EmbeddingCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, float[] Vector)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, float[] Vector)> _recency = new();
    private readonly Lock _gate = new();

    public bool TryGet(string text, out float[] vector)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(text, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }

        vector = [];
        return false;
    }

    public void Add(string text, float[] vector)
    {
        lock (_gate)
        {
            if (_entries.ContainsKey(text))
            {
                return;
            }

            _entries[text] = _recency.AddFirst((text, vector));
            if (_entries.Count > capacity)
            {
                _entries.Remove(_recency.Last!.Value.Text);
                _recency.RemoveLast();
            }
        }
    }
}
