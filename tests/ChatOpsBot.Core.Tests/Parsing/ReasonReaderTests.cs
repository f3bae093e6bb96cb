using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Where a trailing reason ends.</summary>
public sealed class ReasonReaderTests
{
    [Theory]
    [InlineData("RBAC: role \"a\" not found\nnext line", "RBAC: role \"a\" not found")]
    [InlineData("may not read secrets\" logger=\"x\"", "may not read secrets")]
    [InlineData("on: , <nil>\",\"reason\":\"Forbidden\"}", "on: , <nil>")]
    [InlineData("\"Unknown user \"sa\"\" (get pods)", "Unknown user \"sa\"")]
    [InlineData("no RBAC policy matched (get pods web)", "no RBAC policy matched")]
    [InlineData("Forbidden (ErrorResponse { message: \"x is forbidden: User \"u\" cannot\" "
        + "})", "Forbidden")]
    [InlineData("must set drop=[\"ALL\"]), runAsNonRoot", "must set drop=[\"ALL\"]), runAsNonRoot")]
    public void ReadsUpToTheEndOfTheReason(string text, string expected)
    {
        Assert.Equal(expected, ReasonReader.Read(text, 0).Reason);
    }

    [Fact]
    public void GivesNullForNothing()
    {
        Assert.Null(ReasonReader.Read("   \nmore", 0).Reason);
        Assert.Null(ReasonReader.Read("", 0).Reason);
    }
}
