using System.Text;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Megabyte pastes: parsing must stay linear and still find the error at the end.</summary>
public sealed class LargeInputTests
{
    private const int TenMegabytes = 10_000_000;

    private const string Denial = "Error from server (Forbidden): pods \"web-0\" is forbidden: User "
        + "\"alice\" cannot create "
        + "resource \"pods/exec\" in API group \"\" in the namespace \"shop\"";

    [Fact]
    public void FindsTheErrorAtTheEndOfTenMegabytesOfLogs()
    {
        var log = new StringBuilder(TenMegabytes + 1000);
        for (var i = 0; log.Length < TenMegabytes; i++)
        {
            log.Append("I0101 10:00:").Append(i % 60).Append(" 1 controller.go:42] reconciled "
                + "team-").Append(i)
                .Append(" for user=\"bob\" in namespace ns-").Append(i % 97).Append(" (get pods) 200 OK\n");
        }

        var attempt = Assert.Single(AccessErrorParser.Parse(log.Append(Denial).ToString()));

        Assert.Equal(("alice", "pods", "exec", "shop"), (attempt.User, attempt.Resource,
            attempt.Subresource, attempt.Namespace));
    }

    [Fact]
    public void SurvivesTenMegabytesOfAnchorFragmentsOnOneLine()
    {
        // Every rule's trigger words, quotes, escapes and borders, with no newline anywhere.
        const string Fragments = "User \"x\" is forbidden: User cannot \\\"\\\" http://a.b ** │ "
            + "Unauthorized: "
            + "attempt to grant extra privileges user=&{ (user=, verb= https://h/api/v1/x 403 Failed to "
                + "list *v1.Pod ";
        var text = new StringBuilder(TenMegabytes + 1000);
        while (text.Length < TenMegabytes)
        {
            text.Append(Fragments);
        }

        var attempts = AccessErrorParser.Parse(text.Append(Denial).ToString());

        Assert.Contains(attempts, a => a.User == "alice" && a.Namespace == "shop");
    }
}
