using System.Globalization;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Benchmarks;

/// <summary>
/// A large multi-team EKS-like cluster, built in memory and deterministic for a seed: one team
/// group per ten namespaces, an <c>rb:&lt;namespace&gt;</c> binding to <c>edit</c> in all but
/// one namespace in 97, extra bindings for ServiceAccounts and other teams, many custom
/// ClusterRoles (some aggregated into edit and view), pods, and an aws-auth map where every
/// IAM role's username is <c>{{SessionName}}</c>.
/// </summary>
public static class SyntheticCluster
{
    private const string AggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";

    private static readonly string[] Groups = ["", "apps", "batch", "example.com"];

    private static readonly string[] Verbs =
        ["get", "list", "watch", "create", "update", "patch", "delete"];

    private static readonly string[] Resources =
    [
        "pods", "services", "configmaps", "secrets", "deployments", "jobs", "ingresses", "widgets",
        "pods/log", "pods/exec",
    ];

    /// <summary>Builds the cluster.</summary>
    public static ClusterState Build(
        int namespaces, int customRoles = 1000, int iamRoles = 500, int seed = 1)
    {
        var random = new Random(seed);
        var teams = Enumerable.Range(0, Math.Max(1, namespaces / 10))
            .Select(i => $"acme:team-{i:D4}")
            .ToArray();
        var roles = new List<Role>(DefaultRoles());
        roles.AddRange(CustomRoles(random, customRoles));

        var namespaceList = new List<NamespaceInfo>();
        var bindings = new List<Binding>();
        var pods = new List<PodInfo>();
        for (var n = 0; n < namespaces; n++)
        {
            var ns = $"app-{n:D5}";
            var team = teams[n / 10 % teams.Length];
            namespaceList.Add(new NamespaceInfo(ns, new Dictionary<string, string>()));
            if (n % 97 != 0)
            {
                bindings.Add(new Binding
                {
                    Name = $"rb:{ns}", Namespace = ns, RoleRef = new RoleRef("ClusterRole", "edit"),
                    Subjects = [new Subject(SubjectKinds.Group, team)],
                });
            }

            for (var b = 0; b < 4; b++)
            {
                bindings.Add(new Binding
                {
                    Name = $"{ns}-extra-{b}",
                    Namespace = ns,
                    RoleRef = new RoleRef("ClusterRole", random.Next(3) switch
                    {
                        0 => "view",
                        1 => "admin",
                        _ => $"custom-role-{random.Next(customRoles):D4}",
                    }),
                    Subjects =
                    [
                        new Subject(SubjectKinds.ServiceAccount, $"sa-{b}", ns),
                        new Subject(SubjectKinds.Group, teams[random.Next(teams.Length)]),
                    ],
                });
            }

            for (var k = 0; k < 3; k++)
            {
                pods.Add(new PodInfo(ns, $"{ns}-web-{k}"));
            }
        }

        var mapRoles = MapRoles(teams, iamRoles);

        return new ClusterState
        {
            Namespaces = namespaceList,
            Pods = pods,
            Roles = roles,
            Bindings = bindings,
            AwsAuthData = new Dictionary<string, string> { ["mapRoles"] = mapRoles },
        };
    }

    // Drawn before the namespaces, so the same seed keeps giving the same cluster.
    private static List<Role> CustomRoles(Random random, int count)
    {
        var roles = new List<Role>();
        for (var i = 0; i < count; i++)
        {
            var labels = new Dictionary<string, string>();
            if (i % 50 == 0)
            {
                labels[AggregateToEdit] = "true";
            }

            roles.Add(new Role
            {
                Name = $"custom-role-{i:D4}",
                Labels = labels,
                Rules = Enumerable.Range(0, random.Next(1, 7)).Select(_ => new PolicyRule
                {
                    ApiGroups = [random.GetItems(Groups, 1)[0]],
                    Resources = random.GetItems(Resources, 3),
                    Verbs = random.GetItems(Verbs, 3),
                }).ToList(),
            });
        }

        return roles;
    }

    private static string MapRoles(string[] teams, int iamRoles) =>
        string.Concat(Enumerable.Range(0, iamRoles).Select(i =>
        {
            var team = teams[i % teams.Length];
            return string.Create(CultureInfo.InvariantCulture,
                $"- rolearn: arn:aws:iam::111122223333:role/eks-role@{team.Split(':')[1]}\n" +
                $"  username: \"{{{{SessionName}}}}\"\n" +
                $"  groups:\n  - system:authenticated\n  - {team}\n");
        }));

    private static IEnumerable<Role> DefaultRoles()
    {
        var aggregateToEdit = new LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { [AggregateToEdit] = "true" },
        };
        yield return new Role
        {
            Name = "edit",
            AggregationSelectors = [aggregateToEdit],
            Rules =
            [
                new PolicyRule
                {
                    ApiGroups = [""],
                    Resources = ["pods", "pods/exec", "pods/attach", "pods/portforward"],
                    Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
                },
                new PolicyRule
                {
                    ApiGroups = ["apps"],
                    Resources = ["deployments", "replicasets", "statefulsets"],
                    Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"],
                },
            ],
        };
        yield return new Role
        {
            Name = "view",
            Rules =
            [
                new PolicyRule
                {
                    ApiGroups = ["", "apps"],
                    Resources = ["pods", "pods/log", "deployments"],
                    Verbs = ["get", "list", "watch"],
                },
            ],
        };
        yield return new Role
        {
            Name = "admin",
            Rules =
            [
                new PolicyRule
                {
                    ApiGroups = ["", "apps", "rbac.authorization.k8s.io"],
                    Resources = ["*"],
                    Verbs = ["*"],
                },
            ],
        };
        yield return new Role
        {
            Name = "cluster-admin",
            Rules = [new PolicyRule { ApiGroups = ["*"], Resources = ["*"], Verbs = ["*"] }],
        };
    }
}
