namespace ChatOpsBot.Cli;

/// <summary>Bad usage or unreadable input: printed as one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
