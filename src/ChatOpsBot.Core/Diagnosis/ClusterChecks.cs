namespace ChatOpsBot.Core.Diagnosis;

/// <summary>Checks of the target itself: the namespace and the pod.</summary>
internal static class ClusterChecks
{
    public enum NamespaceState
    {
        ClusterScope,
        Present,
        Missing,
        Unknown,
    }

    public static NamespaceState Namespace(DiagnosisInput input, List<Check> checks)
    {
        var name = input.Requests[0].Namespace;
        if (name.Length == 0)
        {
            return NamespaceState.ClusterScope;
        }

        if (!input.State.NamespacesKnown)
        {
            checks.Add(new Check(CheckNames.NamespaceExists, CheckStatus.Skip,
                $"The namespaces could not be read, so whether {name} exists is unknown."));
            return NamespaceState.Unknown;
        }

        if (input.State.Namespaces.Any(ns => ns.Name == name))
        {
            checks.Add(new Check(CheckNames.NamespaceExists, CheckStatus.Pass,
                $"Namespace {name} exists."));
            return NamespaceState.Present;
        }

        var similar = SimilarNames(input, name);
        var hint = similar.Count == 0 ? "" : $" Similar names: {string.Join(", ", similar)}.";
        checks.Add(new Check(CheckNames.NamespaceExists, CheckStatus.Fail,
            $"Namespace {name} does not exist.{hint}"));
        return NamespaceState.Missing;
    }

    public static void Pod(DiagnosisInput input, List<Check> checks)
    {
        var request = input.Requests[0];
        if (request.Resource != "pods" || request.Name.Length == 0 || request.Namespace.Length == 0)
        {
            return;
        }

        if (!input.State.NamespacesKnown && input.State.Pods.Count == 0)
        {
            checks.Add(new Check(CheckNames.PodExists, CheckStatus.Skip,
                $"Pods could not be read; {request.Name} not checked."));
            return;
        }

        var exists = input.State.Pods
            .Any(pod => pod.Namespace == request.Namespace && pod.Name == request.Name);
        checks.Add(exists
            ? new Check(CheckNames.PodExists, CheckStatus.Pass,
                $"Pod {request.Name} exists in {request.Namespace}.")
            : new Check(CheckNames.PodExists, CheckStatus.Warn,
                $"Pod {request.Name} is not in {request.Namespace} now " +
                "(pods of a Deployment are replaced); access is checked for the namespace."));
    }

    // A typo is the likeliest reason a namespace is missing: offer up to three close names.
    private static List<string> SimilarNames(DiagnosisInput input, string name) =>
        input.State.Namespaces
            .Select(ns => ns.Name)
            .Where(candidate => Distance(candidate, name) <= Math.Max(1, name.Length / 4))
            .Take(3)
            .ToList();

    // Edit distance, bounded by the short names namespaces have.
    private static int Distance(string left, string right)
    {
        if (Math.Abs(left.Length - right.Length) > 8 || left.Length > 63 || right.Length > 63)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, right.Length + 1).ToArray();
        for (var i = 1; i <= left.Length; i++)
        {
            var current = new int[right.Length + 1];
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                var insertOrDelete = Math.Min(current[j - 1] + 1, previous[j] + 1);
                current[j] = Math.Min(insertOrDelete, previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[right.Length];
    }
}
