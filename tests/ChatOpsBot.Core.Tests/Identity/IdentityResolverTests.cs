using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Tests.Identity;

public sealed class IdentityResolverTests
{
    private const string HelloRole = "arn:aws:iam::123456789012:role/eks-role@hello";
    private const string PlatformRole = "arn:aws:iam::123456789012:role/eks-role@platform";

    private static readonly string[] HelloGroups =
        ["system:authenticated", "fake_company:server", "eks-console-access-group"];

    private static readonly ClusterState Seed = new() { AwsAuthData = EksFixtures.SeedAwsAuth() };

    [Fact]
    public void SeedScenarioGuessesTheRoleThatNamesTheNamespace()
    {
        var identity = Resolve(Exec("EKSGetTokenAuth", "hello"), Seed);

        Assert.Equal("EKSGetTokenAuth", identity.User);
        Assert.Equal(HelloGroups, identity.Groups);
        Assert.Equal(IdentitySource.AwsAuth, identity.Chosen.Source);
        Assert.Equal(HelloRole, identity.Chosen.PrincipalArn);
        Assert.Equal(
            "aws-auth mapRoles arn:aws:iam::123456789012:role/eks-role@hello, username \"{{SessionName}}\"",
            identity.Chosen.Why);
        Assert.True(identity.IsGuess);
        Assert.Equal([HelloRole, PlatformRole], identity.Candidates.Select(c => c.PrincipalArn));
        Assert.Equal(["system:authenticated", "fake_company:platform"], identity.Candidates[1].Groups);
        var note = Assert.Single(identity.Notes);
        Assert.Contains("guess", note, StringComparison.Ordinal);
        Assert.Contains("--as-role", note, StringComparison.Ordinal);
        Assert.False(identity.IsUnmapped);
    }

    [Theory]
    [InlineData(HelloRole)]
    [InlineData("arn:aws:sts::123456789012:assumed-role/eks-role@hello/EKSGetTokenAuth")]
    [InlineData("arn:aws:iam::123456789012:role/some/path/eks-role@hello")]
    public void SeedScenarioWithTheRoleIsExact(string roleArn)
    {
        var identity = IdentityResolver.Resolve(
            Exec("EKSGetTokenAuth", "hello"), new IdentityHints { RoleArn = roleArn }, Seed, null);

        Assert.Equal("EKSGetTokenAuth", identity.User);
        Assert.Equal(HelloGroups, identity.Groups);
        Assert.Equal(IdentitySource.AwsAuth, identity.Chosen.Source);
        Assert.False(identity.IsGuess);
        Assert.Single(identity.Candidates);
        Assert.Empty(identity.Notes);
    }

    [Fact]
    public void WithoutANamespaceHintTheFirstWrittenRoleIsGuessed()
    {
        var identity = Resolve(Exec("EKSGetTokenAuth", "orders"), Seed);

        Assert.True(identity.IsGuess);
        Assert.Equal(PlatformRole, identity.Chosen.PrincipalArn);
        SentenceAssert.SingleContains(identity.Notes, "written first");
    }

    [Fact]
    public void WithoutANamespaceHintTheRoleWhoseGroupsOtherNamespacesBindIsGuessed()
    {
        // goodbye binds the hello role's group; nothing binds the platform role's group.
        var state = Seed with
        {
            Bindings =
            [
                new Binding
                {
                    Name = "rb:goodbye",
                    Namespace = "goodbye",
                    RoleRef = new RoleRef("ClusterRole", "edit"),
                    Subjects = [new Subject("Group", "fake_company:server")],
                },
                new Binding
                {
                    Name = "everyone-views",
                    RoleRef = new RoleRef("ClusterRole", "view"),
                    Subjects = [new Subject("Group", "fake_company:platform")],
                },
            ],
        };

        var identity = Resolve(Exec("EKSGetTokenAuth", "orders"), state);

        Assert.True(identity.IsGuess);
        Assert.Equal(HelloRole, identity.Chosen.PrincipalArn);
        SentenceAssert.SingleContains(identity.Notes, "other namespaces bind its groups");
    }

    [Fact]
    public void ABindingInTheNamespaceItselfDoesNotMakeItsGroupASiblings()
    {
        var state = Seed with
        {
            Bindings =
            [
                new Binding
                {
                    Name = "rb:orders",
                    Namespace = "orders",
                    RoleRef = new RoleRef("ClusterRole", "edit"),
                    Subjects = [new Subject("Group", "fake_company:server")],
                },
            ],
        };

        var identity = Resolve(Exec("EKSGetTokenAuth", "orders"), state);

        Assert.Equal(PlatformRole, identity.Chosen.PrincipalArn);
        SentenceAssert.SingleContains(identity.Notes, "written first");
    }

    [Fact]
    public void RoleFromTheHintRendersTheSessionFromItsArn()
    {
        var identity = IdentityResolver.Resolve(
            Exec(null, "hello"),
            new IdentityHints
            {
                RoleArn = "arn:aws:sts::123456789012:assumed-role/eks-role@hello/alice@example.com",
            },
            Seed,
            null);

        Assert.Equal("alice-example.com", identity.User);
        Assert.Empty(identity.Notes);
    }

    [Fact]
    public void RoleWhoseTemplateTheErrorUserDoesNotFitIsNoted()
    {
        var identity = IdentityResolver.Resolve(
            Exec("system:node:ip-10-0-0-1.ec2.internal", "hello"),
            new IdentityHints { RoleArn = HelloRole },
            Seed,
            null);

        Assert.Equal(HelloRole, identity.Chosen.PrincipalArn);
        SentenceAssert.SingleContains(identity.Notes, "does not fit");
    }

    [Fact]
    public void UnmappedRoleSaysSo()
    {
        var identity = IdentityResolver.Resolve(
            Exec("EKSGetTokenAuth", "hello"),
            new IdentityHints { RoleArn = "arn:aws:iam::123456789012:role/stranger" },
            Seed,
            null);

        Assert.True(identity.IsUnmapped);
        Assert.Equal(IdentitySource.ErrorMessage, identity.Chosen.Source);
        Assert.Equal("EKSGetTokenAuth", identity.User);
        Assert.Equal(["system:authenticated"], identity.Groups);
        Assert.Equal("arn:aws:iam::123456789012:role/stranger", identity.Chosen.PrincipalArn);
        var note = Assert.Single(identity.Notes);
        Assert.Contains("arn:aws:iam::123456789012:role/stranger", note, StringComparison.Ordinal);
        Assert.Contains("not in aws-auth", note, StringComparison.Ordinal);
        Assert.Contains("no access entry", note, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleOfAnAutoMappedAccountSignsInAsItsArn()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string> { ["mapAccounts"] = "- \"444455556666\"" },
        };

        var identity = IdentityResolver.Resolve(
            Exec(null, "hello"),
            new IdentityHints { RoleArn = "arn:aws:sts::444455556666:assumed-role/Dev/bob" },
            state,
            null);

        Assert.Equal("arn:aws:iam::444455556666:role/Dev", identity.User);
        Assert.Equal(["system:authenticated"], identity.Groups);
        Assert.Equal(IdentitySource.AwsAuth, identity.Chosen.Source);
    }

    [Fact]
    public void AccessEntryOverridesAwsAuthForTheSameRole()
    {
        var state = Seed with
        {
            AccessEntries =
            [
                new AccessEntry
                {
                    PrincipalArn = "arn:aws:iam::123456789012:role/teams/eks-role@hello",
                    KubernetesGroups = ["hello-editors"],
                },
            ],
        };
        var errorUser = "arn:aws:sts::123456789012:assumed-role/eks-role@hello/EKSGetTokenAuth";

        var hinted = Resolve(Exec(errorUser, "hello"), state, new IdentityHints { RoleArn = HelloRole });
        var matched = Resolve(Exec(errorUser, "hello"), state);

        foreach (var identity in new[] { hinted, matched })
        {
            Assert.Equal(IdentitySource.AccessEntry, identity.Chosen.Source);
            Assert.Equal(errorUser, identity.User);
            Assert.Equal(["hello-editors", "system:authenticated"], identity.Groups);
            Assert.False(identity.IsGuess);
        }

        SentenceAssert.AnyContains(hinted.Notes, "access entry takes precedence");

        // Its aws-auth entry no longer applies, so the plain session name fits only the platform role.
        var session = Resolve(Exec("EKSGetTokenAuth", "hello"), state);
        Assert.Equal(PlatformRole, Assert.Single(session.Candidates).PrincipalArn);
    }

    [Fact]
    public void GroupNamingTheNamespaceRanksFirst()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string>
            {
                ["mapRoles"] = """
                    - rolearn: arn:aws:iam::111122223333:role/readers
                      username: "{{SessionName}}"
                      groups: [readers]
                    - rolearn: arn:aws:iam::111122223333:role/developers
                      username: "{{SessionName}}"
                      groups: [team-hello, othello]
                    """,
            },
        };

        var identity = Resolve(Exec("carol", "hello"), state);

        Assert.Equal("arn:aws:iam::111122223333:role/developers", identity.Chosen.PrincipalArn);
        Assert.Equal(2, identity.Candidates.Count);
        SentenceAssert.SingleContains(identity.Notes, "namespace \"hello\"");
    }

    [Fact]
    public void NamespaceInsideAnotherWordDoesNotCount()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string>
            {
                ["mapRoles"] = """
                    - rolearn: arn:aws:iam::111122223333:role/othello
                      username: "{{SessionName}}"
                      groups: [shellos]
                    - rolearn: arn:aws:iam::111122223333:role/Hello-Team
                      username: "{{SessionName}}"
                      groups: [g]
                    """,
            },
        };

        var identity = Resolve(Exec("carol", "hello"), state);

        Assert.Equal("arn:aws:iam::111122223333:role/Hello-Team", identity.Chosen.PrincipalArn);
    }

    [Fact]
    public void AccessEntryRolePathNamingTheNamespaceRanksFirst()
    {
        var state = new ClusterState
        {
            AccessEntries =
            [
                new AccessEntry
                {
                    PrincipalArn = "arn:aws:iam::111122223333:role/dev",
                    Username = "dev:{{SessionName}}",
                    KubernetesGroups = ["readers"],
                },
                new AccessEntry
                {
                    PrincipalArn = "arn:aws:iam::111122223333:role/teams/hello/dev2",
                    Username = "dev:{{SessionName}}",
                    KubernetesGroups = ["writers"],
                },
            ],
        };

        var identity = Resolve(Exec("dev:carol", "hello"), state);

        Assert.Equal(IdentitySource.AccessEntry, identity.Chosen.Source);
        Assert.Equal(["writers", "system:authenticated"], identity.Groups);
        Assert.True(identity.IsGuess);
    }

    [Fact]
    public void NodeAccessEntryFitsOnlyNodeUsernames()
    {
        var state = new ClusterState
        {
            AccessEntries =
            [
                new AccessEntry
                {
                    PrincipalArn = "arn:aws:iam::111122223333:role/nodes",
                    Type = "EC2_LINUX",
                    KubernetesGroups = ["system:nodes"],
                },
            ],
        };

        var node = Resolve(Exec("system:node:ip-10-0-0-9.ec2.internal", null), state);
        var person = Resolve(Exec("carol", null), state);

        Assert.Equal(IdentitySource.AccessEntry, node.Chosen.Source);
        Assert.Equal(["system:nodes", "system:authenticated"], node.Groups);
        Assert.True(person.IsUnmapped);
    }

    [Fact]
    public void PastedWhoAmIWinsOverTheRoleHint()
    {
        var paste = "ATTRIBUTE   VALUE\nUsername    someone\nGroups      [g]\n";

        var hints = new IdentityHints { RoleArn = HelloRole };

        var identity = Resolve(Exec("EKSGetTokenAuth", "hello"), Seed, hints, paste);

        Assert.Equal(IdentitySource.WhoAmI, identity.Chosen.Source);
        Assert.Equal("someone", identity.User);
        Assert.Equal(["g", "system:authenticated"], identity.Groups);
    }

    [Fact]
    public void LiteralUsernameRanksAboveATemplate()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string>
            {
                ["mapRoles"] = "- rolearn: arn:aws:iam::111122223333:role/any\n"
                    + "  username: \"{{SessionName}}\"\n  groups: [any]",
                ["mapUsers"] = "- userarn: arn:aws:iam::111122223333:user/alice\n"
                    + "  username: alice\n  groups: [admins]",
            },
        };

        var identity = Resolve(Exec("alice", "default"), state);

        Assert.Equal("arn:aws:iam::111122223333:user/alice", identity.Chosen.PrincipalArn);
        Assert.Equal(["admins", "system:authenticated"], identity.Groups);
        Assert.Equal(
            "aws-auth mapUsers arn:aws:iam::111122223333:user/alice, username \"alice\"",
            identity.Chosen.Why);
        Assert.True(identity.IsGuess);
        SentenceAssert.SingleContains(identity.Notes, "written out, not a template");
    }

    [Fact]
    public void NodeMappingsFitOnlyNodeUsernames()
    {
        var node = IdentityResolver.Resolve(
            Exec("system:node:ip-10-0-0-1.ec2.internal", null), new IdentityHints(), Seed, null);
        var alice = Resolve(Exec("alice", null), Seed);

        Assert.Equal(
            "arn:aws:iam::123456789012:role/fake-company-dev-a-node",
            Assert.Single(node.Candidates).PrincipalArn);
        Assert.Equal(["system:bootstrappers", "system:nodes", "system:authenticated"], node.Groups);
        Assert.Equal("arn:aws:iam::123456789012:user/alice", alice.Chosen.PrincipalArn);
        Assert.Equal(["system:masters", "system:authenticated"], alice.Groups);
        Assert.Equal(3, alice.Candidates.Count);
        Assert.DoesNotContain(alice.Candidates, c => c.Groups.Contains("system:nodes"));
    }

    [Fact]
    public void UsernameThatFitsNothingIsUnmapped()
    {
        var identity = Resolve(Exec("bob@example.com", "hello"), Seed);

        Assert.True(identity.IsUnmapped);
        Assert.Equal("bob@example.com", identity.User);
        Assert.Equal(["system:authenticated"], identity.Groups);
        SentenceAssert.SingleContains(identity.Notes, "No access entry or aws-auth entry fits");
    }

    [Fact]
    public void ClusterWithoutMappingsSaysSo()
    {
        var identity = Resolve(Exec("bob", "hello"), new ClusterState());

        Assert.True(identity.IsUnmapped);
        SentenceAssert.SingleContains(identity.Notes, "no aws-auth ConfigMap or access entries");
    }

    [Fact]
    public void OverrideWinsOverEverything()
    {
        var hints = new IdentityHints { User = "dev1", Groups = ["team-a", "team-a"], RoleArn = HelloRole };
        var whoami = "ATTRIBUTE  VALUE\nUsername   someone-else\n";

        var identity = IdentityResolver.Resolve(Exec("EKSGetTokenAuth", "hello"), hints, Seed, whoami);

        Assert.Equal("dev1", identity.User);
        Assert.Equal(["team-a", "system:authenticated"], identity.Groups);
        Assert.Equal(IdentitySource.Override, identity.Chosen.Source);
        Assert.False(identity.IsGuess);
    }

    [Fact]
    public void GroupsAloneKeepTheErrorsUser()
    {
        var identity = IdentityResolver.Resolve(
            Exec("EKSGetTokenAuth", "hello"), new IdentityHints { Groups = ["system:masters"] }, Seed, null);

        Assert.Equal("EKSGetTokenAuth", identity.User);
        Assert.Equal(["system:masters", "system:authenticated"], identity.Groups);
        Assert.Equal("given with --as-group", identity.Chosen.Why);
    }

    [Fact]
    public void PastedWhoAmIIsExact()
    {
        var paste = "Error from server (Forbidden): ...\n\nATTRIBUTE   VALUE\nUsername    EKSGetTokenAuth\n"
            + "Groups      [fake_company:platform system:authenticated]\n";

        var identity = Resolve(Exec("EKSGetTokenAuth", "hello"), Seed, paste: paste);

        Assert.Equal(IdentitySource.WhoAmI, identity.Chosen.Source);
        Assert.Equal(["fake_company:platform", "system:authenticated"], identity.Groups);
        Assert.False(identity.IsGuess);
        Assert.Empty(identity.Notes);
    }

    [Fact]
    public void PastedWhoAmIThatContradictsTheErrorIsUsedWithANote()
    {
        var paste = "ATTRIBUTE   VALUE\nUsername    alice\nGroups      [dev system:authenticated]\n";

        var identity = Resolve(Exec("bob", "hello"), Seed, paste: paste);

        Assert.Equal("alice", identity.User);
        var note = Assert.Single(identity.Notes);
        Assert.Contains("\"bob\"", note, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceAccountGetsItsGroups()
    {
        var identity = IdentityResolver.Resolve(
            Exec("system:serviceaccount:ci:deployer", "goodbye"), new IdentityHints(), Seed, null);

        Assert.Equal(IdentitySource.ServiceAccount, identity.Chosen.Source);
        Assert.Equal(
            ["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"],
            identity.Groups);
        Assert.Equal("ServiceAccount \"deployer\" in namespace \"ci\"", identity.Chosen.Why);
    }

    [Fact]
    public void AccountMappingMatchesACanonicalArnUsername()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string> { ["mapAccounts"] = "- 444455556666" },
        };

        var identity = IdentityResolver.Resolve(
            Exec("arn:aws:iam::444455556666:role/Dev", "hello"), new IdentityHints(), state, null);
        var other = IdentityResolver.Resolve(
            Exec("arn:aws:iam::111122223333:role/Dev", "hello"), new IdentityHints(), state, null);

        Assert.Equal(IdentitySource.AwsAuth, identity.Chosen.Source);
        Assert.Contains("mapAccounts 444455556666", identity.Chosen.Why, StringComparison.Ordinal);
        Assert.True(other.IsUnmapped);
    }

    [Fact]
    public void AccountIdTemplateFitsOnlyTheRolesAccount()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string>
            {
                ["mapRoles"] = "- rolearn: arn:aws:iam::000000000000:role/KubernetesNode\n"
                    + "  username: aws:{{AccountID}}:instance:{{SessionName}}\n  groups: [aws:instances]",
            },
        };

        var fits = IdentityResolver.Resolve(
            Exec("aws:000000000000:instance:i-0abc", null), new IdentityHints(), state, null);
        var other = IdentityResolver.Resolve(
            Exec("aws:111111111111:instance:i-0abc", null), new IdentityHints(), state, null);

        Assert.Equal(["aws:instances", "system:authenticated"], fits.Groups);
        Assert.True(other.IsUnmapped);
    }

    [Fact]
    public void GroupTemplatesAreRenderedWithTheSession()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string>
            {
                ["mapRoles"] = "- rolearn: arn:aws:iam::111122223333:role/dev\n"
                    + "  username: \"dev:{{SessionName}}\"\n"
                    + "  groups: [\"user-{{SessionName}}\", \"acct-{{AccountID}}\"]",
            },
        };

        var identity = Resolve(Exec("dev:carol", null), state);

        Assert.Equal(["user-carol", "acct-111122223333", "system:authenticated"], identity.Groups);
    }

    [Fact]
    public void GroupsPrintedInTheErrorSelectTheMapping()
    {
        var attempt = Exec("EKSGetTokenAuth", "orders") with
        {
            Groups = ["fake_company:server", "eks-console-access-group", "system:authenticated"],
        };

        var identity = IdentityResolver.Resolve(attempt, new IdentityHints(), Seed, null);

        Assert.Equal(HelloRole, Assert.Single(identity.Candidates).PrincipalArn);
        Assert.Equal(attempt.Groups, identity.Groups);
        Assert.False(identity.IsGuess);
    }

    [Fact]
    public void GroupsPrintedInTheErrorWinEvenWhenNoMappingAgrees()
    {
        var attempt = Exec("EKSGetTokenAuth", "hello") with { Groups = ["custom"] };

        var identity = IdentityResolver.Resolve(attempt, new IdentityHints(), Seed, null);

        Assert.True(identity.IsGuess);
        Assert.All(identity.Candidates, c => Assert.Equal(["custom", "system:authenticated"], c.Groups));
    }

    [Fact]
    public void AwsAuthProblemsBecomeNotes()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string>
            {
                ["maproles"] = "- rolearn: arn:aws:iam::111122223333:role/dev\n  username: dev",
                ["mapUsers"] = "- userarn: [",
            },
        };

        var identity = Resolve(Exec("dev", null), state);

        Assert.True(identity.IsUnmapped);
        SentenceAssert.AnyContains(identity.Notes, "\"maproles\" is ignored");
        SentenceAssert.AnyContains(identity.Notes, "mapUsers is not valid YAML");
    }

    [Fact]
    public void RoleArnWithAPathInAwsAuthNeverMatches()
    {
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string>
            {
                ["mapRoles"] = "- rolearn: arn:aws:iam::000000000000:role/"
                    + "aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_Dev_1\n"
                    + "  username: \"{{SessionName}}\"\n  groups: [dev]",
            },
        };

        var byName = Resolve(Exec("alice", null), state);
        var byRole = IdentityResolver.Resolve(
            Exec("alice", null),
            new IdentityHints
            {
                RoleArn = "arn:aws:sts::000000000000:assumed-role/AWSReservedSSO_Dev_1/alice",
            },
            state,
            null);

        Assert.True(byName.IsUnmapped);
        Assert.True(byRole.IsUnmapped);
        SentenceAssert.AnyContains(byRole.Notes, "includes the path");
    }

    [Fact]
    public void InvalidRoleHintIsNotedAndIgnored()
    {
        var identity = IdentityResolver.Resolve(
            Exec("EKSGetTokenAuth", "hello"), new IdentityHints { RoleArn = "eks-role@hello\n" }, Seed, null);

        Assert.True(identity.IsGuess);
        SentenceAssert.AnyContains(identity.Notes, "is not an IAM role ARN");
        Assert.All(identity.Notes, n => Assert.DoesNotContain('\n', n));
    }

    [Theory]
    [InlineData("{{SessionName}}")]
    [InlineData("eks\"\nrole")]
    [InlineData("a b")]
    public void HostileUsernamesFitNoSessionTemplate(string user)
    {
        var identity = Resolve(Exec(user, "hello"), Seed);

        Assert.True(identity.IsUnmapped);
        Assert.Equal(user, identity.User);
        Assert.All(identity.Notes, n => Assert.DoesNotContain('\n', n));
    }

    [Fact]
    public void ErrorWithoutAUserResolvesToNobody()
    {
        var identity = IdentityResolver.Resolve(
            new AccessAttempt { Kind = AttemptKind.Unauthorized }, new IdentityHints(), Seed, null);

        Assert.True(identity.IsUnmapped);
        Assert.Equal("", identity.User);
        Assert.Empty(identity.Groups);
    }

    [Fact]
    public void HugeAwsAuthAndPasteResolveQuickly()
    {
        var roles = string.Concat(Enumerable.Range(0, 2000).Select(i =>
            $"- rolearn: arn:aws:iam::111122223333:role/r{i}\n"
            + $"  username: \"u{i}:{{{{SessionName}}}}\"\n  groups: [g{i}]\n"));
        var state = new ClusterState
        {
            AwsAuthData = new Dictionary<string, string> { ["mapRoles"] = roles },
        };
        var paste = new string('x', 3_000_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var identity = Resolve(Exec("u1999:bob", "hello"), state, paste: paste);

        Assert.Equal("arn:aws:iam::111122223333:role/r1999", Assert.Single(identity.Candidates).PrincipalArn);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    private static ResolvedIdentity Resolve(
        AccessAttempt attempt, ClusterState state, IdentityHints? hints = null, string? paste = null) =>
        IdentityResolver.Resolve(attempt, hints ?? new IdentityHints(), state, paste);

    private static AccessAttempt Exec(string? user, string? ns) => new()
    {
        Kind = AttemptKind.Forbidden,
        User = user,
        Verb = "create",
        Resource = "pods",
        Subresource = "exec",
        ApiGroup = "",
        Namespace = ns,
    };
}
