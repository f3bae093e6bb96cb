using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOpsBot.GitOps.Repository;

namespace ChatOpsBot.GitOps.Local;

/// <summary>Where a local pull request stands.</summary>
internal enum LocalPullRequestState
{
    Open,
    Closed,
    Merged,
}

/// <summary>One local pull request as kept on disk.</summary>
internal sealed record LocalPullRequest
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public required LocalPullRequestState State { get; init; }

    public required string HeadSha { get; init; }

    public required string Branch { get; init; }

    public required string RequestId { get; init; }

    public required string ObjectKey { get; init; }

    public string? GrantKey { get; init; }

    public IReadOnlyList<string> ChangedFiles { get; init; } = [];

    public string? MergeSha { get; init; }

    public string? CloseReason { get; init; }

    /// <summary>The markers that say which change it makes.</summary>
    public PullRequestMarkers Markers => new(RequestId, ObjectKey, GrantKey);
}

/// <summary>Every local pull request and the next number.</summary>
internal sealed record LocalPullRequestBook
{
    public int NextNumber { get; init; } = 1;

    public IReadOnlyList<LocalPullRequest> PullRequests { get; init; } = [];
}

/// <summary>
/// Keeps the pull requests of a local repository in one JSON file inside its Git folder, so the
/// working tree stays clean. Written to a temporary file and renamed, so a crash leaves the old
/// or the new file, never half of one.
/// </summary>
internal sealed class LocalPullRequestStore
{
    private const long MaxBytes = 16 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly string _path;

    public LocalPullRequestStore(string stateDir)
    {
        _path = Path.Combine(stateDir, "pull-requests.json");
    }

    /// <exception cref="RbacRepositoryException">The file is unreadable or not ours.</exception>
    public async Task<LocalPullRequestBook> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return new LocalPullRequestBook();
        }

        try
        {
            if (new FileInfo(_path).Length > MaxBytes)
            {
                throw new RbacRepositoryException($"{_path} is larger than {MaxBytes} bytes.");
            }

            var stream = File.OpenRead(_path);
            await using (stream.ConfigureAwait(false))
            {
                var book = await JsonSerializer.DeserializeAsync<LocalPullRequestBook>(stream, Json,
                    cancellationToken).ConfigureAwait(false);
                return Check(book);
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException
            or UnauthorizedAccessException)
        {
            throw new RbacRepositoryException($"The pull requests in {_path} cannot be read: "
                + exception.Message, exception);
        }
    }

    public async Task SaveAsync(LocalPullRequestBook book, CancellationToken cancellationToken)
    {
        var temporary = _path + ".tmp";
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(book, Json);
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RbacRepositoryException($"The pull requests could not be saved to {_path}: "
                + exception.Message, exception);
        }
    }

    // A file edited by hand may say anything: numbers must be unique and below the next one.
    private LocalPullRequestBook Check(LocalPullRequestBook? book)
    {
        if (book is null || book.PullRequests is null
            || book.PullRequests.Any(pull => pull is null || pull.Number < 1 || pull.Number >= book.NextNumber
                || pull.Branch is null || pull.HeadSha is null || pull.RequestId is null
                || pull.ObjectKey is null || pull.Title is null || pull.Body is null
                || !Enum.IsDefined(pull.State))
            || book.PullRequests.Select(pull => pull.Number).Distinct().Count() != book.PullRequests.Count)
        {
            throw new RbacRepositoryException($"{_path} does not hold the bot's pull requests.");
        }

        return book;
    }
}
