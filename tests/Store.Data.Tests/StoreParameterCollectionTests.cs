namespace Store.Data.Tests;

public class StoreParameterCollectionTests
{
    [Fact]
    public void IndexOf_ignores_sigil_and_case()
    {
        using var command = new StoreCommand();
        command.Parameters.AddWithValue("@First", 1);
        command.Parameters.AddWithValue("second", 2);

        Assert.Equal(0, command.Parameters.IndexOf("first"));
        Assert.Equal(0, command.Parameters.IndexOf(":FIRST"));
        Assert.Equal(1, command.Parameters.IndexOf("$second"));
        Assert.True(command.Parameters.Contains("@second"));
        Assert.False(command.Parameters.Contains("third"));
        Assert.Equal(2, command.Parameters["second"].Value);
    }

    [Fact]
    public void Add_Insert_and_Remove_keep_the_order()
    {
        using var command = new StoreCommand();
        var a = command.Parameters.AddWithValue("a", 1);
        var c = command.Parameters.AddWithValue("c", 3);
        var b = new StoreParameter("b", 2);

        command.Parameters.Insert(1, b);
        command.Parameters.RemoveAt("a");
        command.Parameters.Remove(c);
        command.Parameters.Add(a);

        Assert.Equal([b, a], command.Parameters.Cast<StoreParameter>());
        Assert.Equal(2, command.Parameters.Count);
    }

    [Fact]
    public void Add_of_a_foreign_parameter_type_throws()
    {
        using var command = new StoreCommand();

        Assert.Throws<InvalidCastException>(() => command.Parameters.Add(new object()));
    }

    [Fact]
    public void Indexer_of_an_unknown_name_throws()
    {
        using var command = new StoreCommand();

        Assert.Throws<IndexOutOfRangeException>(() => command.Parameters["missing"]);
    }

    [Fact]
    public void AddRange_adds_every_parameter()
    {
        using var command = new StoreCommand();

        command.Parameters.AddRange(new[] { new StoreParameter("a", 1), new StoreParameter("b", 2) });

        Assert.Equal(2, command.Parameters.Count);
        Assert.Equal(1, command.Parameters.IndexOf(command.Parameters["b"]));
    }
}
