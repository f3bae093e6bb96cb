namespace ChatOpsBot.Storage;

/// <summary>The <c>Storage</c> settings of the SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// The database file. A relative path is taken from the working directory; the folder is
    /// created when missing.
    /// </summary>
    public string SqlitePath { get; set; } = "data/k8s-access.db";

    /// <summary>How long a diagnosis (and a reply's buttons) stays usable. Requests never expire.</summary>
    public TimeSpan DiagnosisLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most diagnoses kept; beyond it the oldest are removed at the next clean-up.</summary>
    public int MaxDiagnoses { get; set; } = 100_000;

    /// <summary>How long a write waits for another writer (another process) before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
