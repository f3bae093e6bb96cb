using System.Net;
using ChatOpsBot.Kubernetes.Live;
using k8s.Autorest;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>The small pieces under the live source: Retry-After, server text, name checks.</summary>
public sealed class LiveHelperTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    [Theory]
    [InlineData("7", 7_000)]
    [InlineData("0", 0)]
    [InlineData("Fri, 14 Mar 2025 09:27:03 GMT", 10_000)]
    [InlineData("Fri, 14 Mar 2025 09:00:00 GMT", 0)]
    public void ReadsRetryAfterAsSecondsOrDate(string header, int expectedMs)
    {
        var failure = Failure(HttpStatusCode.TooManyRequests, header);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), TransientFailures.RetryAfter(failure, Now));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("")]
    public void IgnoresRetryAfterItCannotRead(string header)
    {
        Assert.Null(TransientFailures.RetryAfter(Failure(HttpStatusCode.TooManyRequests, header), Now));
        Assert.Null(TransientFailures.RetryAfter(new HttpRequestException("refused"), Now));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    public void RetriesOnlyTransientStatuses(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, TransientFailures.IsTransient(Failure(status, null), CancellationToken.None));
    }

    [Fact]
    public void ACancellationTheCallerAskedForIsNotRetried()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(TransientFailures.IsTransient(new OperationCanceledException(), cancelled.Token));
        Assert.True(TransientFailures.IsTransient(new TaskCanceledException(), CancellationToken.None));
    }

    [Fact]
    public void ServerTextIsOneBoundedLine()
    {
        var forged = "denied\nThe bot cannot list anything\r\n\u0007" + new string('x', 1000);

        var line = ServerText.OneLine(forged);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\u0007', line);
        Assert.StartsWith("denied The bot cannot", line, StringComparison.Ordinal);
        Assert.True(line.Length <= 301);
    }

    [Fact]
    public void ServerDisplayDropsUserInfoAndQuery()
    {
        var server = new Uri("https://admin:hunter2@api.example.test:6443/k8s/?token=abc");

        var display = ServerText.ServerDisplay(server);

        Assert.Equal("https://api.example.test:6443/k8s", display);
    }

    [Theory]
    [InlineData("hello", true)]
    [InlineData("kube-system", true)]
    [InlineData("Hello", false)]
    [InlineData("-hello", false)]
    [InlineData("hello-", false)]
    [InlineData("hel.lo", false)]
    [InlineData("", false)]
    public void ChecksNamespaceNames(string name, bool valid) =>
        Assert.Equal(valid, KubernetesNames.IsNamespace(name));

    [Theory]
    [InlineData("hello-beta1-58cf69d988-64qjp", true)]
    [InlineData("web.v2", true)]
    [InlineData("web..v2", false)]
    [InlineData("../secrets", false)]
    [InlineData("pod/exec", false)]
    [InlineData("pod name", false)]
    public void ChecksObjectNames(string name, bool valid) =>
        Assert.Equal(valid, KubernetesNames.IsObjectName(name));

    [Fact]
    public void RejectsOverlongNames()
    {
        Assert.False(KubernetesNames.IsNamespace(new string('a', 64)));
        Assert.True(KubernetesNames.IsNamespace(new string('a', 63)));
        var fourLabels = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));
        Assert.False(KubernetesNames.IsObjectName(fourLabels));
    }

    private static HttpOperationException Failure(HttpStatusCode status, string? retryAfter)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return new HttpOperationException($"status {(int)status}")
        {
            Response = new HttpResponseMessageWrapper(response, ""),
        };
    }
}
