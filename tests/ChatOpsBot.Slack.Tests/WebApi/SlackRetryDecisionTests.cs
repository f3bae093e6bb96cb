using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatOpsBot.Slack.WebApi;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace ChatOpsBot.Slack.Tests.WebApi;

/// <summary>The retry rules on their own, without HTTP.</summary>
public sealed class SlackRetryDecisionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void StatusCodes(HttpStatusCode status, bool retry)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(retry, Decision().ShouldRetry(response, null));
    }

    [Theory]
    [InlineData("""{"ok":false,"error":"ratelimited"}""", true)]
    [InlineData("""{"ok":false,"error":"rate_limited"}""", true)]
    [InlineData("""{"ok":false,"error":"request_timeout"}""", true)]
    [InlineData("""{"ok":false,"error":"missing_scope","needed":"chat:write"}""", false)]
    [InlineData("""{"ok":false,"error":"invalid_auth"}""", false)]
    [InlineData("""{"ok":true}""", false)]
    public void SlackErrorCodes(string body, bool retry)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        Assert.Equal(
            retry, Decision().ShouldRetry(response, SlackApiResult.TryParse(Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public void RetryAfterBeyondTheBudgetStopsRetrying()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(31));

        Assert.False(Decision().ShouldRetry(response, null));
    }

    [Fact]
    public void ServerDelayComesFromDeltaOrDate()
    {
        using var delta = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        delta.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(9));
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(-9));
        using var none = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.Equal(TimeSpan.FromSeconds(12), Decision().ServerRequestedDelay(delta));
        Assert.Equal(TimeSpan.FromSeconds(9), Decision().ServerRequestedDelay(date));
        Assert.Equal(TimeSpan.Zero, Decision().ServerRequestedDelay(past));
        Assert.Null(Decision().ServerRequestedDelay(none));
    }

    [Fact]
    public void ExceptionsRetryOnlyWhenRepeatingIsSafe()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");
        var reset = new HttpRequestException(HttpRequestError.ResponseEnded, "reset");
        var timeout = new TimeoutRejectedException();

        Assert.True(SlackRetryDecision.ShouldRetry(refused, idempotent: false));
        Assert.False(SlackRetryDecision.ShouldRetry(reset, idempotent: false));
        Assert.True(SlackRetryDecision.ShouldRetry(reset, idempotent: true));
        Assert.False(SlackRetryDecision.ShouldRetry(timeout, idempotent: false));
        Assert.True(SlackRetryDecision.ShouldRetry(timeout, idempotent: true));
        Assert.False(SlackRetryDecision.ShouldRetry(new InvalidOperationException(), idempotent: true));
    }

    [Theory]
    [InlineData("""{"ok":false,"error":"channel_not_found"}""", "channel_not_found")]
    [InlineData("""{"ok":false,"error":"Robert'); DROP TABLE"}""", "invalid_response")]
    [InlineData("""{"ok":false}""", null)]
    public void ErrorCodesAreSanitised(string body, string? expected)
    {
        Assert.Equal(expected, SlackApiResult.TryParse(Encoding.UTF8.GetBytes(body))!.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>")]
    [InlineData("[1,2]")]
    [InlineData("""{"ok":"yes"}""")]
    public void NonSlackBodiesAreNotParsed(string body)
    {
        Assert.Null(SlackApiResult.TryParse(Encoding.UTF8.GetBytes(body)));
    }

    private SlackRetryDecision Decision() => new(
        new SlackWebApiOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) }, _time);
}
