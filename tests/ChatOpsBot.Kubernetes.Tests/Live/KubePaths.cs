namespace ChatOpsBot.Kubernetes.Tests.Live;

/// <summary>The API server paths the live source is expected to call.</summary>
internal static class KubePaths
{
    public const string RoleBindings = "/apis/rbac.authorization.k8s.io/v1/rolebindings";
    public const string ClusterRoleBindings = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings";
    public const string Roles = "/apis/rbac.authorization.k8s.io/v1/roles";
    public const string ClusterRoles = "/apis/rbac.authorization.k8s.io/v1/clusterroles";
    public const string Namespaces = "/api/v1/namespaces";
    public const string AwsAuth = "/api/v1/namespaces/kube-system/configmaps/aws-auth";
    public const string SubjectAccessReviews = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

    public static string Pods(string @namespace) => $"/api/v1/namespaces/{@namespace}/pods";

    public static string Pod(string @namespace, string name) =>
        $"/api/v1/namespaces/{@namespace}/pods/{name}";

    /// <summary>Every list the source reads on each load.</summary>
    public static readonly string[] Lists =
        [RoleBindings, ClusterRoleBindings, Roles, ClusterRoles, Namespaces];
}
