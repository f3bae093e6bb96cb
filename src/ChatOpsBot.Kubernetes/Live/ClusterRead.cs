namespace ChatOpsBot.Kubernetes.Live;

/// <summary>
/// One read the live source makes, described for people: what it does, what permission it
/// needs (matching deploy/rbac/bot-clusterrole.yaml), and what the diagnosis loses without it.
/// </summary>
/// <param name="Operation">"list rolebindings in all namespaces": fits "The bot cannot …".</param>
/// <param name="Grant">The permission to give the bot, as an admin would read it.</param>
/// <param name="WithoutIt">What the diagnosis cannot do while the read fails.</param>
internal sealed record ClusterRead(string Operation, string Grant, string WithoutIt)
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    public static readonly ClusterRead RoleBindings = new(
        "list rolebindings in all namespaces",
        $"get, list and watch on rolebindings ({RbacGroup}) in every namespace",
        "it cannot tell which RoleBindings grant or miss the access");

    public static readonly ClusterRead ClusterRoleBindings = new(
        "list clusterrolebindings",
        $"get, list and watch on clusterrolebindings ({RbacGroup})",
        "it cannot tell which ClusterRoleBindings grant the access");

    public static readonly ClusterRead Roles = new(
        "list roles in all namespaces",
        $"get, list and watch on roles ({RbacGroup}) in every namespace",
        "it cannot see what the bound Roles allow");

    public static readonly ClusterRead ClusterRoles = new(
        "list clusterroles",
        $"get, list and watch on clusterroles ({RbacGroup})",
        "it cannot see what the bound ClusterRoles allow");

    public static readonly ClusterRead Namespaces = new(
        "list namespaces",
        "get and list on namespaces",
        "it cannot tell whether the namespace exists or what its siblings do");

    public static readonly ClusterRead AwsAuth = new(
        "get configmap kube-system/aws-auth",
        "get on the configmap aws-auth in kube-system (a Role limited by resourceNames: [aws-auth])",
        "it cannot read the EKS mapping of IAM roles and users to Kubernetes groups");

    /// <summary>Reading one pod by name.</summary>
    public static ClusterRead Pod(string @namespace, string name) => new(
        $"get pod {@namespace}/{name}",
        "get and list on pods",
        "it cannot tell whether the pod exists");

    /// <summary>Listing the pods of one namespace.</summary>
    public static ClusterRead Pods(string @namespace) => new(
        $"list pods in namespace {@namespace}",
        "get and list on pods",
        "it cannot tell which pods exist there");

    /// <summary>Reviewing a request (SubjectAccessReview).</summary>
    public static readonly ClusterRead Review = new(
        "create subjectaccessreviews",
        "create on subjectaccessreviews (authorization.k8s.io)",
        "it cannot ask the API server for the authoritative answer");
}
