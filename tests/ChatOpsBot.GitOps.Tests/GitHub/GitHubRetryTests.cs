using System.Net;
using ChatOpsBot.GitOps.GitHub;
using Octokit;

namespace ChatOpsBot.GitOps.Tests.GitHub;

public class GitHubRetryTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly GitHubRetryOptions Options = new() { MaxDelay = TimeSpan.FromSeconds(90) };

    [Fact]
    public void Retry_after_seconds_is_honoured_up_to_the_cap()
    {
        var exception = new SecondaryRateLimitExceededException(Response(HttpStatusCode.Forbidden,
            "You have exceeded a secondary rate limit.", ("Retry-After", "42")));

        Assert.True(GitHubRetry.IsTransient(exception, Options, Now));
        Assert.Equal(TimeSpan.FromSeconds(42), GitHubRetry.DelayFor(exception, 0, Options, Now));
        Assert.Equal(TimeSpan.FromSeconds(90), GitHubRetry.DelayFor(
            new SecondaryRateLimitExceededException(Response(HttpStatusCode.Forbidden,
                "secondary rate limit", ("retry-after", "600"))), 0, Options, Now));
    }

    [Fact]
    public void Secondary_limit_without_retry_after_waits_at_least_a_minute()
    {
        var exception = new SecondaryRateLimitExceededException(Response(HttpStatusCode.Forbidden,
            "You have exceeded a secondary rate limit."));

        Assert.Equal(TimeSpan.FromMinutes(1), GitHubRetry.DelayFor(exception, 0, Options, Now));
    }

    [Fact]
    public void Primary_limit_is_waited_for_only_when_it_resets_soon()
    {
        var soon = RateLimited(Now.AddSeconds(30));
        var later = RateLimited(Now.AddHours(1));

        Assert.True(GitHubRetry.IsTransient(soon, Options, Now));
        Assert.Equal(TimeSpan.FromSeconds(30), GitHubRetry.DelayFor(soon, 0, Options, Now));
        Assert.False(GitHubRetry.IsTransient(later, Options, Now));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.MethodNotAllowed, false)]
    public void Status_codes_are_classified(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, GitHubRetry.IsTransient(new ApiException(Response(status, "x")),
            Options, Now));
    }

    [Fact]
    public void Logical_refusals_are_not_retried()
    {
        Assert.False(GitHubRetry.IsTransient(
            new ApiValidationException(Response((HttpStatusCode)422, "Validation Failed")), Options, Now));
        Assert.False(GitHubRetry.IsTransient(
            new NotFoundException(Response(HttpStatusCode.NotFound, "Not Found")), Options, Now));
        Assert.False(GitHubRetry.IsTransient(
            new ForbiddenException(
                Response(HttpStatusCode.Forbidden, "Resource not accessible by integration")),
            Options,
            Now));
        Assert.True(GitHubRetry.IsTransient(new HttpRequestException("connection reset"), Options, Now));
    }

    [Fact]
    public void Ordinary_failures_use_the_backoff()
    {
        Assert.Null(GitHubRetry.DelayFor(new ApiException(Response(HttpStatusCode.BadGateway,
            "x")), 1, Options, Now));
    }

    private static RateLimitExceededException RateLimited(DateTimeOffset reset) =>
        new(Response(HttpStatusCode.Forbidden, "API rate limit exceeded for installation ID 1.",
            ("X-RateLimit-Limit", "5000"), ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset",
                reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static TestResponse Response(HttpStatusCode status, string message,
        params (string Name, string Value)[] headers) =>
        new(status, $"{{\"message\":\"{message}\",\"documentation_url\":\"https://docs.github.com/rest\"}}",
            headers.ToDictionary(header => header.Name, header => header.Value));

    /// <summary>An HTTP answer as Octokit hands it to its exceptions (its own class is internal).</summary>
    private sealed class TestResponse(HttpStatusCode status, string body,
        IReadOnlyDictionary<string, string> headers) : IResponse
    {
        public object Body => body;
        public IReadOnlyDictionary<string, string> Headers => headers;
        public ApiInfo ApiInfo { get; } = new(new Dictionary<string, Uri>(), [], [], "",
            new RateLimit(headers.ToDictionary(header => header.Key, header => header.Value,
                StringComparer.OrdinalIgnoreCase)));
        public HttpStatusCode StatusCode => status;
        public string ContentType => "application/json; charset=utf-8";
    }
}
