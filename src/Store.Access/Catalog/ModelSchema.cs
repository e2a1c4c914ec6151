namespace Store.Access.Catalog;

/// <summary>A model registered with CREATE MODEL: its name, the full path of its ONNX file, and its options (kind, vocab, pooling, ...) as text.</summary>
internal sealed record ModelSchema(string Name, string Path, IReadOnlyList<KeyValuePair<string, string>> Options);
