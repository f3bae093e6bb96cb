using Microsoft.Extensions.Options;

namespace ChatOpsBot.Storage;

/// <summary>Checks the <c>Storage</c> settings at start-up: one message per problem, naming it.</summary>
public sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Problems(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Problems(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            errors.Add("Storage:SqlitePath must name a file.");
        }
        else if (options.SqlitePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0
                 || options.SqlitePath.StartsWith(':')
                 || options.SqlitePath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // ":memory:" and URI file names would quietly give a store that a restart forgets.
            errors.Add("Storage:SqlitePath must be a plain file path (not :memory: or a file: URI).");
        }

        if (options.DiagnosisLifetime <= TimeSpan.Zero || options.DiagnosisLifetime > TimeSpan.FromDays(3650))
        {
            errors.Add("Storage:DiagnosisLifetime must be positive and at most 3650 days.");
        }

        if (options.MaxDiagnoses is < 1 or > 100_000_000)
        {
            errors.Add("Storage:MaxDiagnoses must be between 1 and 100000000.");
        }

        if (options.BusyTimeout < TimeSpan.FromSeconds(1) || options.BusyTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Storage:BusyTimeout must be between 00:00:01 and 00:05:00.");
        }

        return errors;
    }
}
