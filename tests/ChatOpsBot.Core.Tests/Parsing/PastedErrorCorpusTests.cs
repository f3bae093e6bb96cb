using System.Text.Json;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Core.Tests.Parsing;

/// <summary>Every pasted error of the collection reads as the collection expects.</summary>
public sealed class PastedErrorCorpusTests
{
    private static readonly string[] ComparedFields =
        ["user", "verb", "resource", "subresource", "apiGroup", "namespace", "name"];

    public static TheoryData<string> CaseIds => new(PastedErrorCorpus.Ids);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void FirstAttemptMatchesTheExpectedReading(string id)
    {
        var corpusCase = PastedErrorCorpus.Get(id);
        var first = AccessErrorParser.Parse(corpusCase.Text)[0];
        var expected = corpusCase.Expected;

        Assert.Equal(expected.GetProperty("kind").GetString(), first.Kind.ToWireName());
        var unstated = PastedErrorCorpus.UnstatedFields(id);
        foreach (var field in ComparedFields)
        {
            var value = expected.GetProperty(field);
            if (unstated.Contains(field))
            {
                // The paste does not hold this field: the parser must not make it up.
                Assert.True(Field(first, field) is null, $"{id}: {field} should stay unknown");
            }
            else if (value.ValueKind != JsonValueKind.Null)
            {
                Assert.True(value.GetString() == Field(first, field),
                    $"{id}: {field} was '{Field(first, field)}', expected '{value.GetString()}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void GroupsAreReadWhenTheMessageListsThem(string id)
    {
        var expected = PastedErrorCorpus.Get(id).Expected.GetProperty("groups");
        var first = AccessErrorParser.Parse(PastedErrorCorpus.Get(id).Text)[0];

        if (expected.ValueKind == JsonValueKind.Array)
        {
            Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()), first.Groups!);
        }
        else
        {
            Assert.Null(first.Groups);
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void DenialsThatAreNotRbacCarryTheirReason(string id)
    {
        var corpusCase = PastedErrorCorpus.Get(id);
        var first = AccessErrorParser.Parse(corpusCase.Text)[0];

        // Admission, GKE IAM and authentication failures are explained by their reason text;
        // an RBAC-style reason suffix in the message must be kept too.
        var kind = corpusCase.Expected.GetProperty("kind").GetString();
        var expectedReason = corpusCase.Expected.GetProperty("reason");
        if (kind is "admission-denial" or "gke-iam" or "unauthorized" or "not-an-access-error"
            && expectedReason.ValueKind == JsonValueKind.String)
        {
            Assert.False(string.IsNullOrWhiteSpace(first.Reason), $"{id}: no reason");
        }

        if (kind == "gke-iam")
        {
            Assert.Contains("container.", first.Reason!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheWholeCollectionIsLoaded()
    {
        Assert.Equal(130, PastedErrorCorpus.Ids.Count());
    }

    private static string? Field(AccessAttempt attempt, string field) => field switch
    {
        "user" => attempt.User,
        "verb" => attempt.Verb,
        "resource" => attempt.Resource,
        "subresource" => attempt.Subresource,
        "apiGroup" => attempt.ApiGroup,
        "namespace" => attempt.Namespace,
        "name" => attempt.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
