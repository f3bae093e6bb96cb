using System.Text.Json.Nodes;

namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>
/// The fake writes 403 bodies exactly as the API server does: checked byte for byte against
/// the upstream test vectors (TestForbidden), so the bodies the live tests serve are real ones.
/// </summary>
public sealed class ForbiddenStatusBodyTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in CaseList())
        {
            data.Add((string)item!["bodyFile"]!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WritesTheApiServersForbiddenBody(string bodyFile)
    {
        var attributes = CaseList().Single(item => (string)item!["bodyFile"]! == bodyFile)!["attributes"]!;
        string Text(string key) => (string?)attributes[key] ?? "";

        var body = (bool)attributes["resourceRequest"]!
            ? KubeStatus.Forbidden(Text("user"), Text("verb"), Text("apiGroup"), Text("resource"),
                Text("subresource"), Text("namespace"), Text("name"))
            : KubeStatus.ForbiddenPath(Text("user"), Text("verb"), Text("path"));

        Assert.Equal(TestFiles.Read($"kubernetes/api-responses/status/{bodyFile}"), body);
    }

    private static JsonArray CaseList() =>
        JsonNode.Parse(TestFiles.Read("kubernetes/api-responses/status/cases.json"))!["cases"]!.AsArray();
}
