using Store.Core.Errors;
using Store.Sql.Parsing;
using Store.Testing.Fuzzing;

namespace Store.Sql.Tests.Parsing;

public class ParserFuzzTests
{
    [Fact]
    public async Task ParseScript_of_mutated_sql_succeeds_or_throws_a_positioned_syntax_error()
    {
        var mutator = new SqlMutator(new Random(42));
        var parsed = 0;
        var run = Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var sql = mutator.Next();
                try
                {
                    SqlParser.ParseScript(sql);
                    parsed++;
                }
                catch (StoreException error)
                {
                    Assert.True(error.Code == ErrorCode.SyntaxError && error.Line >= 1 && error.Column >= 1, $"{sql}\n{error.Message}");
                }
                catch (Exception other)
                {
                    Assert.Fail($"{sql}\n{other}");
                }
            }
        });

        // A timeout here (TimeoutException) means a statement hung.
        await run.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.InRange(parsed, 500, 19_500);
    }
}
