using System.Runtime.CompilerServices;
using ChatOpsBot.Core.Cluster;
using ChatOpsBot.Core.Identity;
using ChatOpsBot.Core.Parsing;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Diagnosis;

/// <summary>
/// Runs a diagnosis end to end: parses the text, reads the cluster, resolves the identity,
/// asks the API server for the authoritative answers, and explains them.
/// </summary>
public sealed class DiagnosisService : IDiagnosisService
{
    // Indexing a large cluster's RBAC costs more than a diagnosis; do it once per state read.
    private readonly ConditionalWeakTable<ClusterState, RbacPolicy> _policies = [];
    private readonly IClusterSourceProvider _clusters;

    /// <summary>Creates the service over the configured clusters.</summary>
    public DiagnosisService(IClusterSourceProvider clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        _clusters = clusters;
    }

    /// <inheritdoc />
    public async Task<DiagnosisReport?> DiagnoseAsync(
        DiagnosisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var attempt = request.Attempt ?? FirstAccessError(request.Text ?? "");
        if (attempt is null)
        {
            return null;
        }

        var source = _clusters.Find(request.Cluster);
        var podName = attempt.Resource == "pods" ? attempt.Name : null;
        var query = new ClusterQuery(attempt.Namespace, podName);
        var state = await source.LoadStateAsync(query, cancellationToken).ConfigureAwait(false);
        var identity = IdentityResolver.Resolve(attempt, request.Hints, state, request.Text);
        var requests = RequestPlanner.Plan(attempt);

        var user = new UserInfo(identity.User, identity.Groups);
        var reviews = attempt.IsRbacQuestion
            ? await ReviewAllAsync(source, user, requests, cancellationToken).ConfigureAwait(false)
            : [];

        return DiagnosisEngine.Diagnose(new DiagnosisInput
        {
            Attempt = attempt,
            Identity = identity,
            State = state,
            Policy = _policies.GetValue(
                state, static state => new RbacPolicy(state.Roles, state.Bindings)),
            Requests = requests,
            ServerReviews = reviews,
            SourceDescription = source.Description,
        });
    }

    /// <summary>
    /// The first attempt in the text that is an access error of any kind, or null.
    /// </summary>
    public static AccessAttempt? FirstAccessError(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AccessErrorParser.Parse(text)
            .FirstOrDefault(attempt => attempt.Kind != AttemptKind.NotAnAccessError);
    }

    // In request order: the engine matches each answer to its request by position.
    private static async Task<List<AccessReview?>> ReviewAllAsync(
        IClusterSource source,
        UserInfo user,
        IReadOnlyList<RequestAttributes> requests,
        CancellationToken cancellationToken)
    {
        var reviews = new List<AccessReview?>();
        foreach (var item in requests)
        {
            var review = await source.ReviewAsync(user, item, cancellationToken)
                .ConfigureAwait(false);
            reviews.Add(review);
        }

        return reviews;
    }
}
