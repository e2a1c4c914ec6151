using Store.Core.Errors;

namespace Store.Access.Catalog;

/// <summary>The models registered with CREATE MODEL: catalog entries that name a file, with no pages of their own.</summary>
internal sealed partial class SystemCatalog
{
    public IReadOnlyList<ModelSchema> Models() => Loaded().Models;

    public ModelSchema? FindModel(string name) => Find(name) is { Kind: CatalogEntry.ModelKind } entry ? entry.ToModelSchema() : null;

    public void CreateModel(ModelSchema schema)
    {
        ThrowIfNameTooLong(schema.Name);
        var tree = EnsureTree();
        ThrowIfNameTaken(tree, schema.Name);
        tree.Put(CatalogEntry.KeyFor(schema.Name), CatalogEntry.ForModel(schema).Encode());
        Changed();
    }

    public void DropModel(string name)
    {
        if (FindModel(name) is null)
        {
            throw StoreErrors.NotFound("model", name);
        }

        EnsureTree().Delete(CatalogEntry.KeyFor(name));
        Changed();
    }
}
