namespace Store.Access.FullText;

/// <summary>A term of an analyzed text and the position of the word it came from (see <see cref="TextAnalyzer"/>).</summary>
internal readonly record struct AnalyzedTerm(string Text, int Position);
