using System.Data.Common;

namespace Store.Data.Tests;

public class StoreProviderFactoryTests
{
    [Fact]
    public void Register_makes_GetFactory_return_a_factory_that_creates_working_connections()
    {
        StoreProviderFactory.Register();

        var factory = DbProviderFactories.GetFactory(StoreProviderFactory.InvariantName);
        using var connection = factory.CreateConnection()!;
        connection.ConnectionString = "Data Source=:memory:";
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 + 1";

        Assert.Same(StoreProviderFactory.Instance, factory);
        Assert.Equal(2L, command.ExecuteScalar());
        Assert.Contains(StoreProviderFactory.InvariantName, DbProviderFactories.GetProviderInvariantNames());
    }

    [Fact]
    public void Create_methods_return_the_store_types()
    {
        var factory = StoreProviderFactory.Instance;

        Assert.IsType<StoreConnection>(factory.CreateConnection());
        Assert.IsType<StoreCommand>(factory.CreateCommand());
        Assert.IsType<StoreParameter>(factory.CreateParameter());
        Assert.IsType<StoreConnectionStringBuilder>(factory.CreateConnectionStringBuilder());
    }

    [Fact]
    public void Connection_reports_the_factory()
    {
        using var connection = new StoreConnection();

        Assert.Same(StoreProviderFactory.Instance, DbProviderFactories.GetFactory(connection));
    }
}
