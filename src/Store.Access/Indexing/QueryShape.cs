namespace Store.Access.Indexing;

/// <summary>The kinds of query an index method answers, which the planner matches against a statement.</summary>
internal enum QueryShape
{
    /// <summary><c>ORDER BY column &lt;op&gt; constant LIMIT k</c>: the k nearest rows by a distance.</summary>
    NearestByDistance,

    /// <summary><c>ORDER BY score(column, constant) DESC LIMIT k</c>: the k best rows by a relevance score.</summary>
    TopByScore,

    /// <summary><c>WHERE column MATCH constant</c>: the rows a text query matches.</summary>
    TextMatch,
}
