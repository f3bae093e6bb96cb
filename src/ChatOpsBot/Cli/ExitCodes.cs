namespace ChatOpsBot.Cli;

/// <summary>The command line's exit codes (a public contract: see the README).</summary>
internal static class ExitCodes
{
    /// <summary>Success: an access error was found (parse) or a fix proposed (diagnose).</summary>
    public const int Success = 0;

    /// <summary>The input held no access error, or the diagnosis found nothing to fix.</summary>
    public const int NothingFound = 1;

    /// <summary>Bad usage or unreadable input.</summary>
    public const int BadInput = 2;
}
