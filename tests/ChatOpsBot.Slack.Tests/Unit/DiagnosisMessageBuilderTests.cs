using System.Text.Json.Nodes;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Requests;
using ChatOpsBot.Slack.Blocks;
using ChatOpsBot.Slack.Tests.Support;

namespace ChatOpsBot.Slack.Tests.Unit;

public sealed class DiagnosisMessageBuilderTests
{
    private const StringComparison Ord = StringComparison.Ordinal;

    private const string Hostile = "<!channel> <@U123> <!subteam^S1> <https://evil.example|docs> & ```";
    private static readonly string Id = DiagnosisIds.NewId();

    [Fact]
    public void A_typical_report_shows_cause_checks_fix_identity_menu_and_button()
    {
        var report = Reports.MissingBinding(Reports.ExecAttempt, Reports.Identity(new()));

        var message = DiagnosisMessageBuilder.Build(report, Id, IdentityHintSource.None);

        BlockKitAssert.WithinLimits(message);
        var blocks = message.Blocks!.Select(b => b!.AsObject()).ToList();
        Assert.Equal("header", blocks[0]["type"]!.GetValue<string>());
        var json = BlockKitAssert.Visible(message);
        Assert.Contains("✅", json, Ord);
        Assert.Contains("❌", json, Ord);
        Assert.Contains("⚠️", json, Ord);
        Assert.Contains("⏭", json, Ord);
        Assert.Contains("```\napiVersion: rbac.authorization.k8s.io/v1", json, Ord);
        Assert.Contains(BlockKitAssert.AllStrings(message), s => s.Contains(
            "`create` `pods/exec` `hello-beta1-58cf69d988-64qjp` in namespace `hello`", Ord));

        var button = blocks.Single(b => BlockId(b) == SlackActionIds.RequestBlockPrefix + Id);
        Assert.Equal(Id, button["elements"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(SlackActionIds.RequestAccess, button["elements"]![0]!["action_id"]!.GetValue<string>());

        var menu = blocks.Single(b => BlockId(b) == SlackActionIds.IdentityBlockPrefix + Id);
        var options = menu["elements"]![0]!["options"]!.AsArray();
        Assert.Equal([Reports.AdminRole, SlackActionIds.CandidateIndexPrefix + "2"],
            options.Select(o => o!["value"]!.GetValue<string>()).ToArray());
        Assert.Contains("No chat-user mapping is configured", json, Ord);
    }

    [Fact]
    public void Everything_from_users_or_the_cluster_is_escaped()
    {
        var attempt = Reports.ExecAttempt with { Namespace = Hostile, Name = Hostile, Resource = Hostile };
        var candidate = new IdentityCandidate(Hostile, [Hostile], IdentitySource.AwsAuth,
            "arn:aws:iam::111122223333:role/x", Hostile);
        var identity = new ResolvedIdentity
        {
            Chosen = candidate,
            Candidates = [candidate, candidate with { PrincipalArn = null, User = Hostile + "2" }],
            IsGuess = true,
            Notes = [Hostile],
        };
        var report = new DiagnosisReport
        {
            Attempt = attempt,
            Identity = identity,
            Allowed = false,
            Cause = new Cause(CauseCode.Unknown, Hostile),
            Checks = [new Check(Hostile, CheckStatus.Fail, Hostile)],
            Fix = new ProposedFix(Hostile, Hostile, Hostile, Hostile + "\n" + Hostile, Hostile),
        };

        var message = DiagnosisMessageBuilder.Build(report, Id, IdentityHintSource.None);

        BlockKitAssert.WithinLimits(message);
        foreach (var text in BlockKitAssert.AllStrings(message))
        {
            Assert.DoesNotContain("<!", text, Ord);
            Assert.DoesNotContain("<@", text, Ord);
            Assert.DoesNotContain("<http", text, Ord);
            Assert.DoesNotContain("& ", text, Ord);
        }

        var yamlSection = message.Blocks!.Select(b => b!["text"]?["text"]?.GetValue<string>())
            .Single(t => t?.StartsWith("```", Ord) == true)!;
        Assert.Equal(2, CountFences(yamlSection));
    }

    [Fact]
    public void Huge_inputs_are_cut_to_block_kit_limits_with_a_visible_note()
    {
        var big = new string('y', 50_000);
        var yaml = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"  - item-{i}: <{i}>"));
        var candidates = Enumerable.Range(0, 250)
            .Select(i => new IdentityCandidate(
                new string('u', 200) + i, ["g"], IdentitySource.AwsAuth,
                i % 2 == 0 ? $"arn:aws:iam::111122223333:role/{new string('r', i)}" : null, big))
            .ToList();
        var report = new DiagnosisReport
        {
            Attempt = Reports.ExecAttempt with { Name = big, Namespace = big },
            Identity = new ResolvedIdentity
            {
                Chosen = candidates[0],
                Candidates = candidates,
                IsGuess = true,
                Notes = Enumerable.Repeat(big, 20).ToList(),
            },
            Allowed = false,
            Cause = new Cause(CauseCode.RoleLacksPermission, big),
            Checks = Enumerable.Range(0, 500)
                .Select(i => new Check($"check-{i}", CheckStatus.Fail, big))
                .ToList(),
            Fix = new ProposedFix("RoleBinding", "hello", big, yaml, big),
        };

        var message = DiagnosisMessageBuilder.Build(report, Id, IdentityHintSource.ChatMapping);

        BlockKitAssert.WithinLimits(message);
        var json = BlockKitAssert.Visible(message);
        Assert.Contains("more lines are not shown", json, Ord);
        Assert.Contains("more checks not shown", json, Ord);
        var options = message.Blocks!.Select(b => b!.AsObject())
            .Single(b => BlockId(b)?.StartsWith(SlackActionIds.IdentityBlockPrefix, Ord) == true)
            ["elements"]![0]!["options"]!.AsArray();
        Assert.Equal(BlockKitLimits.MaxOptions, options.Count);

        // ARNs too long for an option value travel as the candidate's index.
        Assert.Contains(options,
            o => o!["value"]!.GetValue<string>().StartsWith(SlackActionIds.CandidateIndexPrefix, Ord));
    }

    [Fact]
    public void Option_values_are_unique_and_the_chosen_identity_is_not_offered_again()
    {
        var chosen = Reports.ServerCandidate;
        var rebuiltChosen = chosen with { Groups = chosen.Groups.ToList() };
        var sameArnOtherSource = Reports.AdminCandidate with { Source = IdentitySource.AccessEntry };
        var identity = new ResolvedIdentity
        {
            Chosen = chosen,
            Candidates = [rebuiltChosen, Reports.AdminCandidate, sameArnOtherSource],
            IsGuess = true,
        };

        var options = DiagnosisMessageBuilder.OtherCandidates(identity).ToList();

        Assert.Equal(2, options.Count);
        Assert.Equal(options.Count, options.Select(o => o.Value).Distinct().Count());
        string[] expected = [Reports.AdminRole, SlackActionIds.CandidateIndexPrefix + "2"];
        Assert.Equal(expected, options.Select(o => o.Value).ToArray());
    }

    [Fact]
    public void An_allowed_request_gets_no_request_button()
    {
        var identity = Reports.Identity(new() { RoleArn = Reports.ServerRole });
        var report = Reports.MissingBinding(Reports.ExecAttempt, identity) with
        {
            Allowed = true,
            Cause = new Cause(CauseCode.AlreadyAllowed, "It works already."),
            Fix = null,
        };

        var message = DiagnosisMessageBuilder.Build(report, Id, IdentityHintSource.CommandOption);

        BlockKitAssert.WithinLimits(message);
        var json = BlockKitAssert.Visible(message);
        Assert.DoesNotContain(SlackActionIds.RequestAccess, json, Ord);
        Assert.DoesNotContain(SlackActionIds.ChooseIdentity, json, Ord);
        Assert.Contains("already allows", message.Text, Ord);
    }

    [Fact]
    public void Every_cause_has_a_fixed_title_within_the_header_limit()
    {
        var baseReport = Reports.MissingBinding(Reports.ExecAttempt, Reports.Identity(new()));

        var titles = Enum.GetValues<CauseCode>()
            .Select(c => DiagnosisMessageBuilder.Title(baseReport with { Cause = new Cause(c, "x") }))
            .ToList();

        Assert.All(titles, t => Assert.InRange(t.Length, 1, BlockKitLimits.MaxHeaderText));
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public void Non_resource_and_cluster_scoped_attempts_are_described()
    {
        Assert.Equal("*Attempt:* `get` on `/metrics`", DiagnosisMessageBuilder.DescribeAttempt(
            new AccessAttempt { Kind = AttemptKind.Forbidden, Verb = "get", NonResourceUrl = "/metrics" }));
        var nodes = new AccessAttempt
        {
            Kind = AttemptKind.Forbidden, Verb = "list", Resource = "nodes", ApiGroup = "", ClusterScope = true,
        };
        var deployments = new AccessAttempt
        {
            Kind = AttemptKind.Forbidden, Verb = "get", Resource = "deployments", ApiGroup = "apps",
            Namespace = "hello",
        };

        Assert.Equal("*Attempt:* `list` `nodes` at cluster scope", DiagnosisMessageBuilder.DescribeAttempt(nodes));
        Assert.Equal("*Attempt:* `get` `deployments.apps` in namespace `hello`",
            DiagnosisMessageBuilder.DescribeAttempt(deployments));
    }

    private static string? BlockId(JsonNode? block) => block?["block_id"]?.GetValue<string>();

    private static int CountFences(string text)
    {
        var count = 0;
        for (var i = text.IndexOf("```", Ord); i >= 0; i = text.IndexOf("```", i + 3, Ord))
        {
            count++;
        }

        return count;
    }
}
