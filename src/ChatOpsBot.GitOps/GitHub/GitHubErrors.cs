using System.Net;
using Octokit;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>What GitHub's logical refusals mean, read from the status and GitHub's message.</summary>
internal static class GitHubErrors
{
    /// <summary>422 on creating a ref: the branch is there already.</summary>
    public static bool IsReferenceExists(Exception exception) =>
        exception is ApiValidationException validation && Says(validation, "reference already exists");

    /// <summary>422 on opening a pull request: one is open for that head already.</summary>
    public static bool IsPullRequestExists(Exception exception) =>
        exception is ApiValidationException validation && Says(validation, "pull request already exists");

    /// <summary>409 (stale sha) or 422 (sha missing or wrong) on writing a file: it changed meanwhile.</summary>
    public static bool IsShaConflict(Exception exception) =>
        exception is ApiException { StatusCode: HttpStatusCode.Conflict }
        || (exception is ApiValidationException validation && Says(validation, "sha"));

    /// <summary>404, or 422 naming the branch, on writing a file: the branch is gone.</summary>
    public static bool IsBranchMissing(Exception exception) =>
        exception is NotFoundException
        || (exception is ApiValidationException validation && Says(validation, "branch")
            && (Says(validation, "not found") || Says(validation, "does not exist")));

    /// <summary>GitHub's message with its error details, on one line.</summary>
    public static string Message(ApiException exception)
    {
        var details = exception.ApiError?.Errors?.Select(error => error.Message).Where(message => !string.IsNullOrEmpty(message)) ?? [];
        var text = string.Join(" ", new[] { exception.ApiError?.Message ?? exception.Message }.Concat(details));
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static bool Says(ApiException exception, string words) =>
        Message(exception).Contains(words, StringComparison.OrdinalIgnoreCase);
}
