using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Tests.Rbac;

/// <summary>The evaluator agrees with every RBAC vector transcribed from Kubernetes' tests.</summary>
public sealed class RbacVectorTests
{
    public static TheoryData<int> RequestCases => RbacVectors.Indexes("cases");

    public static TheoryData<int> RuleMatchCases => RbacVectors.Indexes("ruleMatchCases");

    public static TheoryData<int> SubjectMatchCases => RbacVectors.Indexes("subjectMatchCases");

    public static TheoryData<int> ServiceAccountCases => RbacVectors.Indexes("serviceAccountUsernameCases");

    public static TheoryData<int> RuleResolutionCases => RbacVectors.Indexes("ruleResolutionCases");

    public static TheoryData<int> WhoCanCases => RbacVectors.Indexes("whoCanCases");

    public static TheoryData<int> CoversCases => RbacVectors.Indexes("coversCases");

    public static TheoryData<int> UrlCoversCases => RbacVectors.Indexes("nonResourceURLCoversCases");

    public static TheoryData<int> AggregationCases => RbacVectors.Indexes("aggregationCases");

    [Theory]
    [MemberData(nameof(RequestCases))]
    public void Request_is_decided_as_kubernetes_decides_it(int index)
    {
        var vector = RbacVectors.Cases("cases")[index]!;
        var policy = RbacVectors.Policy(vector["policySet"]!.ToString());

        var result = RbacAuthorizer.Authorize(
            policy, RbacVectors.User(vector["request"]!), RbacVectors.Request(vector["request"]!));

        Assert.True(
            vector["expected"]!["allowed"]!.GetValue<bool>() == result.Allowed,
            $"{vector["id"]}: expected allowed={vector["expected"]!["allowed"]}; {vector["note"]}");
    }

    [Theory]
    [MemberData(nameof(RuleMatchCases))]
    public void Rule_matches_requests_as_kubernetes_matches_them(int index)
    {
        var vector = RbacVectors.Cases("ruleMatchCases")[index]!;
        var rule = RbacVectors.Rule(vector["rule"]!.AsObject());

        foreach (var request in vector["requests"]!.AsArray())
        {
            var attributes = RbacVectors.Request(request!["request"]!);
            Assert.True(
                request["allowed"]!.GetValue<bool>() == RuleMatcher.Allows(rule, attributes),
                $"{vector["name"]}: {request["request"]!.ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(SubjectMatchCases))]
    public void Binding_subjects_apply_as_kubernetes_applies_them(int index)
    {
        var vector = RbacVectors.Cases("subjectMatchCases")[index]!;
        var subjects = RbacVectors.Subjects(vector["subjects"]);
        var user = RbacVectors.User(vector["user"]!);

        var match = SubjectMatcher.FirstMatch(subjects, user, vector["bindingNamespace"]?.ToString());

        Assert.Equal(vector["appliesTo"]!.GetValue<bool>(), match >= 0);
        if (vector["appliesTo"]!.GetValue<bool>())
        {
            Assert.Equal(vector["index"]!.GetValue<int>(), match);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceAccountCases))]
    public void Service_account_usernames_match_exactly(int index)
    {
        var vector = RbacVectors.Cases("serviceAccountUsernameCases")[index]!;

        var matches = SubjectMatcher.MatchesServiceAccountUsername(
            vector["namespace"]!.ToString(), vector["name"]!.ToString(), vector["username"]!.ToString());

        Assert.Equal(vector["matches"]!.GetValue<bool>(), matches);
    }

    [Theory]
    [MemberData(nameof(RuleResolutionCases))]
    public void Effective_rules_of_a_user_are_resolved(int index)
    {
        var vector = RbacVectors.Cases("ruleResolutionCases")[index]!;
        var policy = RbacVectors.Policy(vector["policySet"]!.ToString());

        var rules = RbacAuthorizer.RulesFor(
            policy, RbacVectors.User(vector["user"]!), vector["namespace"]!.ToString());

        var expected = RbacVectors.Rules(vector["effectiveRules"]);
        Assert.Equal(expected.Count, rules.Count);
        Assert.All(expected, rule => Assert.Contains(rule, rules, PolicyRuleComparer.Instance));
    }

    [Theory]
    [MemberData(nameof(WhoCanCases))]
    public void Who_can_lists_the_allowed_subjects_in_order(int index)
    {
        var vector = RbacVectors.Cases("whoCanCases")[index]!;
        var policy = RbacVectors.Policy(vector["policySet"]!.ToString());

        var subjects = RbacAuthorizer.WhoCan(
            policy,
            RbacVectors.Request(vector["request"]!),
            RbacVectors.SuperUser(vector["policySet"]!.ToString()));

        var expected = RbacVectors.Subjects(vector["allowedSubjects"]);
        Assert.Equal(expected, subjects);
    }

    [Theory]
    [MemberData(nameof(CoversCases))]
    public void Rule_coverage_matches_the_escalation_check(int index)
    {
        var vector = RbacVectors.Cases("coversCases")[index]!;

        var (covered, uncovered) = RuleCoverage.Covers(
            RbacVectors.Rules(vector["ownerRules"]), RbacVectors.Rules(vector["servantRules"]));

        Assert.Equal(vector["expectedCovered"]!.GetValue<bool>(), covered);
        var expected = RbacVectors.Rules(vector["expectedUncoveredRules"]);
        Assert.Equal(RbacVectors.Describe(expected), RbacVectors.Describe(uncovered));
    }

    [Theory]
    [MemberData(nameof(UrlCoversCases))]
    public void Non_resource_url_patterns_cover_as_kubernetes_says(int index)
    {
        var vector = RbacVectors.Cases("nonResourceURLCoversCases")[index]!;

        var covers = RuleCoverage.UrlCovers(vector["owner"]!.ToString(), vector["requested"]!.ToString());

        Assert.Equal(vector["covers"]!.GetValue<bool>(), covers);
    }

    [Theory]
    [MemberData(nameof(AggregationCases))]
    public void Aggregated_cluster_roles_get_the_selected_rules(int index)
    {
        var vector = RbacVectors.Cases("aggregationCases")[index]!;
        var roles = vector["startingClusterRoles"]!.AsArray()
            .Select(role => RbacVectors.ClusterRole(role!.AsObject()))
            .ToList();
        var target = roles.Single(role => role.Name == vector["clusterRoleToSync"]!.ToString());

        var rules = ClusterRoleAggregator.Aggregate(target, roles);

        Assert.Equal(
            RbacVectors.Describe(RbacVectors.Rules(vector["expectedRules"])),
            RbacVectors.Describe(rules));
    }
}
