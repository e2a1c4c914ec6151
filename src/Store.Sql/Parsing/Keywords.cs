using System.Collections.Frozen;

namespace Store.Sql.Parsing;

/// <summary>Words that cannot name a column without quotes, because the grammar gives them meaning.</summary>
internal static class Keywords
{
    private static readonly FrozenSet<string> Reserved = new[]
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "MATCH", "BETWEEN", "AS", "ORDER", "BY",
        "GROUP", "HAVING", "LIMIT", "OFFSET", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "JOIN", "ON",
        "LEFT", "INNER", "DISTINCT", "ASC", "DESC", "CAST", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE",
        "CREATE", "DROP", "TABLE", "INDEX", "USING", "WITH",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsReserved(string word) => Reserved.Contains(word);
}
