namespace ChatOpsBot.Core.Identity;

/// <summary>
/// One mapping that can give an IAM principal its Kubernetes identity: an access entry or an
/// effective <c>aws-auth</c> entry, with what is needed to match and describe it.
/// </summary>
/// <param name="Source">AccessEntry or AwsAuth.</param>
/// <param name="Section">Where it is written: <c>access entry</c>, <c>aws-auth mapRoles</c>, …</param>
/// <param name="Arn">The principal ARN as written.</param>
/// <param name="Principal">The parsed principal, or null when the ARN is not readable.</param>
/// <param name="UsernameTemplate">The username template.</param>
/// <param name="Groups">The group templates.</param>
/// <param name="Order">Position among all mappings (access entries first).</param>
internal sealed record IdentityMapping(
    IdentitySource Source,
    string Section,
    string Arn,
    AwsPrincipalArn? Principal,
    string UsernameTemplate,
    IReadOnlyList<string> Groups,
    int Order)
{
    /// <summary>The phrase for <see cref="IdentityCandidate.Why"/>.</summary>
    internal string Why =>
        $"{Section} {IdentityText.Escape(Arn)}, username {IdentityText.Quote(UsernameTemplate)}";

    /// <summary>The values a username fitting this mapping was rendered with, or null.</summary>
    internal TemplateValues? Fit(string username) =>
        Identity.UsernameTemplate.Fit(UsernameTemplate, username, Principal?.AccountId);

    /// <summary>The candidate for a username rendered with the given values.</summary>
    internal IdentityCandidate ToCandidate(string username, TemplateValues values) => new(
        username,
        ImplicitGroups.AddTo(
            username, Groups.Select(group => Identity.UsernameTemplate.RenderKnown(group, values))),
        Source,
        Arn,
        Why,
        UsernameTemplate);
}
