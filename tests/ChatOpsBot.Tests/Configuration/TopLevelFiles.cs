namespace ChatOpsBot.Tests.Configuration;

/// <summary>The repository's top-level appsettings.json and README.md, copied to the test output.</summary>
internal static class TopLevelFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TopLevel");

    public static string AppSettingsPath => Path.Combine(Folder, "appsettings.json");

    public static string AppSettings => File.ReadAllText(AppSettingsPath);

    public static string Readme => File.ReadAllText(Path.Combine(Folder, "README.md"));
}
