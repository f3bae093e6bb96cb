using ChatOpsBot.Core.Identity;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class AccessEntryParserTests
{
    // The shape `aws eks describe-access-entry` prints (API reference's response syntax).
    private const string Described = """
        {
            "accessEntry": {
                "clusterName": "my-cluster",
                "principalArn": "arn:aws:iam::111122223333:role/my-role",
                "kubernetesGroups": [
                    "Viewers"
                ],
                "accessEntryArn": "arn:aws:eks:region-code:111122223333:access-entry/my-cluster/role/a1b2",
                "createdAt": "2024-04-01T12:00:00.000000+00:00",
                "modifiedAt": "2024-04-01T12:00:00.000000+00:00",
                "tags": {},
                "username": "arn:aws:sts::111122223333:assumed-role/my-role/{{SessionName}}",
                "type": "STANDARD"
            }
        }
        """;

    [Fact]
    public void ReadsDescribeAccessEntryOutput()
    {
        var entry = Assert.Single(AccessEntryParser.Parse(Described));

        Assert.Equal("arn:aws:iam::111122223333:role/my-role", entry.PrincipalArn);
        Assert.Equal(["Viewers"], entry.KubernetesGroups);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/my-role/{{SessionName}}", entry.Username);
        Assert.Equal("STANDARD", entry.Type);
    }

    [Fact]
    public void ReadsBareObjectsArraysAndPascalCase()
    {
        const string json = """
            [
              {"principalArn": "arn:aws:iam::111122223333:user/my-user", "username": "my-user"},
              {"accessEntry": {"principalArn": "arn:aws:iam::111122223333:role/a",
                               "kubernetesGroups": ["g", "g"]}},
              {"PrincipalArn": "arn:aws:iam::111122223333:role/b", "KubernetesGroups": ["h"],
               "Type": "STANDARD"}
            ]
            """;

        var entries = AccessEntryParser.Parse(json);

        Assert.Equal(
            [
                "arn:aws:iam::111122223333:user/my-user",
                "arn:aws:iam::111122223333:role/a",
                "arn:aws:iam::111122223333:role/b",
            ],
            entries.Select(e => e.PrincipalArn));
        Assert.Equal("my-user", entries[0].Username);
        Assert.Equal(["g"], entries[1].KubernetesGroups);
        Assert.Equal(["h"], entries[2].KubernetesGroups);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/my-user", "STANDARD",
        "arn:aws:iam::111122223333:user/my-user")]
    [InlineData("arn:aws:iam::111122223333:role/my-role", "STANDARD",
        "arn:aws:sts::111122223333:assumed-role/my-role/{{SessionName}}")]
    [InlineData("arn:aws:iam::111122223333:role/development/apps/my-role", "STANDARD",
        "arn:aws:sts::111122223333:assumed-role/my-role/{{SessionName}}")]
    [InlineData("arn:aws:iam::111122223333:role/node", "EC2_LINUX", "system:node:{{EC2PrivateDNSName}}")]
    [InlineData("arn:aws:iam::111122223333:role/node", "EC2_Windows", "system:node:{{EC2PrivateDNSName}}")]
    [InlineData("arn:aws:iam::111122223333:role/pod-exec", "FARGATE_LINUX", "system:node:{{SessionName}}")]
    [InlineData("arn:aws:iam::111122223333:role/hybrid", "HYBRID_LINUX", "system:node:{{SessionName}}")]
    public void MissingUsernameGetsTheEksDefault(string principal, string type, string expected)
    {
        var json = $$$"""
            {"accessEntry": {"principalArn": "{{{principal}}}", "type": "{{{type}}}", "username": null}}
            """;

        Assert.Equal(expected, Assert.Single(AccessEntryParser.Parse(json)).Username);
        var entry = new AccessEntry { PrincipalArn = principal, Type = type };
        Assert.Equal(expected, AccessEntryDefaults.EffectiveUsername(entry));
    }

    [Fact]
    public void ListAccessEntriesOutputHoldsNoEntries()
    {
        var listed = EksFixtures.Read("access-entries/aws-eks-docs-list-access-entries.json");

        Assert.Empty(AccessEntryParser.Parse(listed));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"accessEntry\": ", "not valid JSON")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("42", "must be a JSON object")]
    [InlineData("{}", "no principalArn")]
    [InlineData("{\"accessEntry\": []}", "must be a JSON object")]
    [InlineData("{\"principalArn\": 7}", "principalArn must be text")]
    [InlineData("{\"principalArn\": \"u\", \"kubernetesGroups\": \"a\"}", "kubernetesGroups must be a list")]
    [InlineData("{\"principalArn\": \"u\", \"kubernetesGroups\": [1]}", "kubernetesGroups must be a list")]
    [InlineData("[{\"principalArn\": \"u\"}, {\"username\": \"x\"}]", "no principalArn (item 2)")]
    public void BadJsonGivesAClearError(string json, string expected)
    {
        var error = Assert.Throws<AccessEntryFormatException>(() => AccessEntryParser.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void DeeplyNestedJsonIsRefused()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        Assert.Throws<AccessEntryFormatException>(() => AccessEntryParser.Parse(deep));
    }

    [Fact]
    public void ManyEntriesAreRead()
    {
        var json = "[" + string.Join(',', Enumerable.Range(0, 20_000)
            .Select(i => $$"""
                {"principalArn": "arn:aws:iam::111122223333:role/r{{i}}", "kubernetesGroups": ["g{{i}}"]}
                """)) + "]";

        var entries = AccessEntryParser.Parse(json);

        Assert.Equal(20_000, entries.Count);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/r19999/{{SessionName}}", entries[^1].Username);
    }
}
