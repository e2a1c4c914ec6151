using Store.Access.Catalog;
using Store.Access.Indexing;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Syntax;

namespace Store.Sql.Execution;

/// <summary>CREATE, DROP and REINDEX of tables, indexes and models, through the catalog.</summary>
internal sealed class SchemaChanger(QueryContext query, BindingContext context)
{
    public void CreateTable(CreateTableStatement create)
    {
        if (create.IfNotExists && query.Catalog.FindTable(create.Name) is not null)
        {
            return;
        }

        var keys = create.Columns.Where(c => c.PrimaryKey).ToList();
        if (keys.Count > 1)
        {
            throw context.Error(StoreErrors.NotSupported("a primary key of more than one column"), keys[1].Line, keys[1].Column);
        }

        var columns = create.Columns.Select(c =>
        {
            var type = context.At(c.Line, c.Column, () => ColumnType.Parse(c.TypeName, c.Dimensions));
            return new ColumnDefinition(c.Name, type.ToString(), c.NotNull || c.PrimaryKey, IsRowIdAlias: c.PrimaryKey && type.Type == SqlType.Integer);
        }).ToList();
        context.At(create, () => query.Catalog.CreateTable(new TableSchema(create.Name, columns)));

        // Any other primary key is enforced the way SQLite does it: NOT NULL plus a unique index.
        if (keys.Count == 1 && !columns.Any(c => c.IsRowIdAlias))
        {
            query.Catalog.CreateIndex(new IndexSchema($"{create.Name}_pkey", create.Name, [keys[0].Name], Unique: true));
        }
    }

    public void CreateIndex(CreateIndexStatement create)
    {
        var method = create.Method ?? IndexSchema.BTree;
        var isBTree = string.Equals(method, IndexSchema.BTree, StringComparison.OrdinalIgnoreCase);
        if (!isBTree)
        {
            context.At(create, () => IndexMethods.Get(method));
        }

        if (create.Options.Count > 0 && isBTree)
        {
            throw context.Error(StoreErrors.InvalidArgument($"a B+tree index takes no WITH options (found '{create.Options[0].Key}')"), create.Line, create.Column);
        }

        if (create.IfNotExists && query.Catalog.Entries().Any(e => CatalogEntry.SameName(e.Name, create.Name)))
        {
            return;
        }

        var options = Options(create.Options, o => o.Key);
        context.At(create, () => query.Catalog.CreateIndex(new IndexSchema(create.Name, create.Table, create.Columns, create.Unique, method.ToLowerInvariant(), options)));
    }

    /// <summary>
    /// Registers a model file in the catalog, by its full path, after loading it once: a file
    /// that is missing or not an encoder fails here, not at the first query. The built-in
    /// models' names are taken.
    /// </summary>
    public void CreateModel(CreateModelStatement create)
    {
        if (create.IfNotExists && query.Catalog.Entries().Any(e => CatalogEntry.SameName(e.Name, create.Name)))
        {
            return;
        }

        context.At(create, () =>
        {
            if (Inference.Models.BuiltInModel.Find(create.Name) is not null)
            {
                throw StoreErrors.AlreadyExists("built-in model", create.Name);
            }

            var options = Options(create.Options, o => o.Key.ToLowerInvariant());
            var definition = Inference.Models.ModelDefinition.FromOptions(create.Name, create.Path, options);
            query.Evaluation.Models.Load(definition, query.Evaluation.Notices);
            query.Catalog.CreateModel(new ModelSchema(create.Name, definition.ModelPath, [.. options.Where(o => o.Key != "vocab"), new("vocab", definition.VocabPath)]));
        });
    }

    public void Drop(DropStatement drop)
    {
        if (!Exists(drop.Target, drop.Name) && drop.IfExists)
        {
            return;
        }

        context.At(drop, () =>
        {
            switch (drop.Target)
            {
                case DropTarget.Index:
                    query.Catalog.DropIndex(drop.Name);
                    break;
                case DropTarget.Model:
                    query.Catalog.DropModel(drop.Name);
                    break;
                default:
                    query.Catalog.DropTable(drop.Name);
                    break;
            }
        });
    }

    public void Reindex(ReindexStatement reindex) => context.At(reindex, () =>
    {
        if (reindex.Target is { } target && !Exists(target, reindex.Name!))
        {
            throw StoreErrors.NotFound(target == DropTarget.Index ? "index" : "table", reindex.Name!);
        }

        query.Catalog.Reindex(reindex.Name);
    });

    private bool Exists(DropTarget target, string name) => target switch
    {
        DropTarget.Index => query.Catalog.Indexes().Any(i => CatalogEntry.SameName(i.Schema.Name, name)),
        DropTarget.Model => query.Catalog.FindModel(name) is not null,
        _ => query.Catalog.FindTable(name) is not null,
    };

    /// <summary>A WITH clause's options as text, each key once: a key given twice is an error at its second value, not a silent last-one-wins.</summary>
    private List<KeyValuePair<string, string>> Options(IReadOnlyList<IndexOption> options, Func<IndexOption, string> key)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return options.Select(o => seen.Add(o.Key)
            ? new KeyValuePair<string, string>(key(o), OptionText(o))
            : throw context.Error(StoreErrors.InvalidArgument($"option {o.Key} is given more than once"), o.Value.Line, o.Value.Column)).ToList();
    }

    /// <summary>An option's value as the index reads it: a literal's text, or a bare word (<c>metric = cosine</c>).</summary>
    private string OptionText(IndexOption option) => option.Value switch
    {
        LiteralExpression { Value.IsNull: false } literal => literal.Value.ToString(),
        ColumnExpression { Table: null } word => word.Name,
        _ => throw context.Error(StoreErrors.InvalidArgument($"option {option.Key} needs a constant value"), option.Value.Line, option.Value.Column),
    };
}
