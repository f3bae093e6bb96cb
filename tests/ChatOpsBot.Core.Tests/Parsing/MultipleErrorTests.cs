using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Pastes holding several errors, repeats and wrappers.</summary>
public sealed class MultipleErrorTests
{
    private const string Denial = "pods is forbidden: User \"sa\" cannot list resource \"pods\" in API "
        + "group \"\" in the namespace \"a\"";

    [Fact]
    public void ReturnsEveryErrorInOrder()
    {
        var attempts = AccessErrorParser.Parse(
            "Error from server (Forbidden): error when creating \"x.yaml\": services is forbidden: User "
                + "\"u\" cannot create resource "
            + "\"services\" in API group \"\" in the namespace \"n\"\n"
            + "Error from server (Forbidden): error when creating \"x.yaml\": pods \"p\" is forbidden: "
                + "violates PodSecurity \"baseline:latest\": privileged\n"
            + "error: You must be logged in to the server (Unauthorized)");

        Assert.Equal([AttemptKind.Forbidden, AttemptKind.AdmissionDenial, AttemptKind.Unauthorized],
            attempts.Select(a => a.Kind));
        Assert.Equal(["services", "pods", null], attempts.Select(a => a.Resource));
    }

    [Fact]
    public void MergesConsecutiveRepeats()
    {
        var attempts = AccessErrorParser.Parse($"{Denial}\n{Denial}\ntime=\"t\" "
            + $"msg=\"{Denial.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");

        Assert.Single(attempts);
    }

    [Fact]
    public void KeepsRepeatsThatAreNotConsecutive()
    {
        var other = Denial.Replace("\"a\"", "\"b\"", StringComparison.Ordinal);
        var attempts = AccessErrorParser.Parse($"{Denial}\n{other}\n{Denial}");

        Assert.Equal(["a", "b", "a"], attempts.Select(a => a.Namespace));
    }

    [Fact]
    public void ReadsSeveralErrorsRunTogetherOnOneLine()
    {
        var attempts = AccessErrorParser.Parse("[replicasets.apps \"r-1\" is forbidden: User \"c\" cannot "
            + "patch resource \"replicasets\" "
            + "in API group \"apps\" in the namespace \"x\", replicasets.apps \"r-2\" is forbidden: User "
                + "\"c\" cannot patch resource "
            + "\"replicasets\" in API group \"apps\" in the namespace \"x\"]");

        Assert.Equal(["r-1", "r-2"], attempts.Select(a => a.Name));
    }

    [Fact]
    public void AClientPrintingTheMessageTwiceGivesOneAttempt()
    {
        var attempts = AccessErrorParser.Parse("API error: " + Denial + ": Forbidden (ErrorResponse { "
            + "status: \"Failure\", message: \""
            + Denial.Replace("\"", "\\\"", StringComparison.Ordinal) + "\", reason: \"Forbidden\", code: "
                + "403 })");

        var attempt = Assert.Single(attempts);
        Assert.Equal("Forbidden", attempt.Reason);
    }
}
