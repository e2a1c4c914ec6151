using System.Data.Common;

namespace Store.Data;

/// <summary>
/// Creates Store's ADO.NET objects for code that is written against <see cref="DbProviderFactory"/>.
/// <see cref="Register"/> makes it known to <see cref="DbProviderFactories"/> as <see cref="InvariantName"/>.
/// </summary>
public sealed class StoreProviderFactory : DbProviderFactory
{
    /// <summary>The provider's invariant name in <see cref="DbProviderFactories"/>.</summary>
    public const string InvariantName = "Store.Data";

    /// <summary>The one instance, as <see cref="DbProviderFactories"/> expects of a provider.</summary>
    public static readonly StoreProviderFactory Instance = new();

    private StoreProviderFactory()
    {
    }

    /// <summary>Registers <see cref="Instance"/> under <see cref="InvariantName"/>; registering again is harmless.</summary>
    public static void Register() => DbProviderFactories.RegisterFactory(InvariantName, Instance);

    public override DbCommand CreateCommand() => new StoreCommand();

    public override DbConnection CreateConnection() => new StoreConnection();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new StoreConnectionStringBuilder();

    public override DbParameter CreateParameter() => new StoreParameter();
}
