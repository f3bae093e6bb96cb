namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>Environment changes for the dotnet commands and apps these tests start.</summary>
internal static class DotnetEnvironment
{
    /// <summary>
    /// For a nested <c>dotnet publish</c>: the parent test run's MSBuild settings removed, and no
    /// build server or reused node left behind (they would outlive the test holding its pipes).
    /// </summary>
    public static Dictionary<string, string?> ForChildBuild()
    {
        var environment = WithoutInherited(name =>
            name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase));
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }

    /// <summary>
    /// For the started bot: nothing of this machine's own configuration of ASP.NET Core, .NET
    /// hosting or the bot leaks in, so it starts with what the image and the test give it.
    /// </summary>
    public static Dictionary<string, string?> ForApp(IReadOnlyDictionary<string, string> image)
    {
        var environment = WithoutInherited(name =>
            name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Slack__", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Clusters__", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("KUBERNETES_", StringComparison.OrdinalIgnoreCase));
        foreach (var (name, value) in image)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static Dictionary<string, string?> WithoutInherited(Func<string, bool> drop)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(drop))
        {
            environment[name] = null;
        }

        return environment;
    }
}
