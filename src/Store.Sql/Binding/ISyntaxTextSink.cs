using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// Where <see cref="SyntaxText.WriteTo"/> sends one node's canonical text: its own fragments,
/// and each child at its place, which the sink may render in full or, to hash the text without
/// building it, take from what it already knows of that child.
/// </summary>
internal interface ISyntaxTextSink
{
    ISyntaxTextSink Write(string fragment);

    ISyntaxTextSink Write(Expression child);
}
