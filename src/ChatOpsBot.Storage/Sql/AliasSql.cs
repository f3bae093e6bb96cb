namespace ChatOpsBot.Storage.Sql;

/// <summary>The statements of the chat alias table; every value is a bound parameter.</summary>
internal static class AliasSql
{
    public const string SelectByKey = """
        SELECT alias, detail FROM chat_aliases WHERE kind = @kind AND key = @key
        """;

    public const string SelectByAlias = """
        SELECT key, detail FROM chat_aliases WHERE kind = @kind AND alias = @alias
        """;

    public const string Insert = """
        INSERT INTO chat_aliases (kind, alias, key, detail, created_at, updated_at)
        VALUES (@kind, @alias, @key, @detail, @now, @now)
        """;

    public const string UpdateDetail = """
        UPDATE chat_aliases SET detail = @detail, updated_at = @now WHERE kind = @kind AND alias = @alias
        """;
}
