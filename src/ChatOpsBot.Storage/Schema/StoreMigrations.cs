namespace ChatOpsBot.Storage.Schema;

/// <summary>Every schema step this build knows, in order.</summary>
internal static class StoreMigrations
{
    public static IReadOnlyList<StoreMigration> All { get; } =
    [
        Migration001Diagnoses.Migration,
        Migration002AccessRequests.Migration,
        Migration003ChatAliases.Migration,
    ];

    /// <summary>The schema version a store file has after this build opened it.</summary>
    public static int Latest => All[^1].Version;
}
