namespace Store.Access.FullText;

/// <summary>One posting as scoring reads it: the row, the term's frequency in it, and the row's document length.</summary>
internal readonly record struct Bm25Posting(long RowId, int Frequency, int Length);
