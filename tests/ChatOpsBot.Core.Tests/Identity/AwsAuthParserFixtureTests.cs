using System.Text.Json;
using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

/// <summary>
/// The aws-iam-authenticator's own ConfigMap parser test data: every file, with the mappings
/// its Go test expects (transcribed in expected.json).
/// </summary>
public sealed class AwsAuthParserFixtureTests
{
    private const string TestData = "aws-auth/aws-iam-authenticator-parser-testdata";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in Expected().RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(item.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Fact]
    public void EveryTestDataFileHasAnExpectedResult()
    {
        var files = Directory.GetFiles(EksFixtures.Folder(TestData), "*.yaml")
            .Select(Path.GetFileName)
            .Order();
        var cases = Cases().Cast<object[]>().Select(row => (string)row[0]).Order();

        Assert.Equal(files, cases);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConfigMapParsesAsTheAuthenticatorDoes(string file)
    {
        using var expected = Expected();
        var testCase = expected.RootElement.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("file").GetString() == file);
        var valid = expected.RootElement.GetProperty("valid");

        var map = AwsAuthParser.ParseConfigMap(EksFixtures.Read($"{TestData}/{file}"));

        Assert.Equal(Mappings(Pick(testCase, "roleMappings", valid), "rolearn"), Describe(map.Roles));
        Assert.Equal(Mappings(Pick(testCase, "userMappings", valid), "userarn"), Describe(map.Users));
        Assert.Equal(Strings(Pick(testCase, "awsAccounts", valid)), map.Accounts);
        if (testCase.GetProperty("expectCreateError").GetBoolean())
        {
            SentenceAssert.AnyContains(map.Problems, "data.mapRoles is a list");
        }
    }

    [Theory]
    [InlineData("aws-auth-lower-case-top-keys.yaml", "\"maproles\"")]
    [InlineData("aws-auth-crazy-case-top-keys.yaml", "\"MaPrOlEs\"")]
    public void IgnoredTopLevelKeysAreReported(string file, string key)
    {
        var map = AwsAuthParser.ParseConfigMap(EksFixtures.Read($"{TestData}/{file}"));

        SentenceAssert.AnyContains(map.Problems, $"key {key} is ignored");
    }

    [Fact]
    public void ValidDataMapParsesWithoutProblems()
    {
        var map = AwsAuthParser.Parse(EksFixtures.ConfigMapData($"{TestData}/aws-auth.yaml"));

        Assert.Empty(map.Problems);
        Assert.Single(map.Roles);
    }

    private static JsonDocument Expected() =>
        JsonDocument.Parse(EksFixtures.Read($"{TestData}/expected.json"));

    // A case field is "valid" (the shared expectation), a list, or null (nothing loads).
    private static JsonElement? Pick(JsonElement testCase, string name, JsonElement valid)
    {
        var value = testCase.GetProperty(name);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => valid.GetProperty(name),
            _ => value,
        };
    }

    private static List<string> Mappings(JsonElement? list, string arnKey) => list is null
        ? []
        : [.. list.Value.EnumerateArray().Select(m => Describe(
            m.GetProperty(arnKey).GetString()!,
            m.GetProperty("username").GetString()!,
            m.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)))];

    private static List<string> Strings(JsonElement? list) =>
        list is null ? [] : [.. list.Value.EnumerateArray().Select(a => a.GetString()!)];

    private static List<string> Describe(IReadOnlyList<AwsAuthMapping> mappings) =>
        [.. mappings.Select(m => Describe(m.Arn, m.Username, m.Groups))];

    private static string Describe(string arn, string username, IEnumerable<string> groups) =>
        $"{arn} | {username} | {string.Join(" ; ", groups)}";
}
