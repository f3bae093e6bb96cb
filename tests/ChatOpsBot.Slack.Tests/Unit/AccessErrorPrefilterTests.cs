using ChatOpsBot.Slack.Inbound;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class AccessErrorPrefilterTests
{
    [Theory]
    [InlineData("Error from server (Forbidden): pods \"x\" is forbidden")]
    [InlineData("error: You must be logged in to the server (Unauthorized)")]
    [InlineData("Error: UPGRADE FAILED: ... is FORBIDDEN")]
    [InlineData("{\"kind\":\"Status\",\"code\":403}")]
    [InlineData("permission denied")]
    [InlineData("Required \"container.pods.exec\" permission.")]
    [InlineData("user cannot list resource")]
    [InlineData("getting credentials: exec: executable aws failed")]
    public void Error_shapes_pass(string text)
    {
        Assert.True(AccessErrorPrefilter.MightHoldAccessError(text));
    }

    [Theory]
    [InlineData("lunch at noon?")]
    [InlineData("the deploy went fine, thanks!")]
    [InlineData("")]
    [InlineData(null)]
    public void Chatter_does_not(string? text)
    {
        Assert.False(AccessErrorPrefilter.MightHoldAccessError(text));
    }
}
