namespace Store.Access.Catalog;

/// <summary>
/// The last committed catalog read in one database, with the schema cookie it was read at,
/// shared by every transaction that sees that cookie.
/// </summary>
internal sealed class CommittedCatalog
{
    private readonly Lock _lock = new();
    private (uint Cookie, CatalogContents Contents)? _last;

    /// <summary>The contents read at <paramref name="cookie"/>, if they are the last ones kept.</summary>
    public bool TryGet(uint cookie, out CatalogContents contents)
    {
        lock (_lock)
        {
            contents = _last is { } last && last.Cookie == cookie ? last.Contents : null!;
            return contents is not null;
        }
    }

    /// <summary>Keeps contents a transaction read from committed state.</summary>
    public void Keep(uint cookie, CatalogContents contents)
    {
        lock (_lock)
        {
            _last = (cookie, contents);
        }
    }
}
