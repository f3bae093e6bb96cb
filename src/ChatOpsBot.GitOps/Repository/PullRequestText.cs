using System.Text;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.GitOps.Editing;

namespace ChatOpsBot.GitOps.Repository;

/// <summary>The title, body and commit messages of an access pull request.</summary>
internal static class PullRequestText
{
    private const int MaxTitle = 200;
    private const int MaxBlock = 20_000;

    /// <summary>"Grant Group fake_company:server edit in hello (rb:hello)".</summary>
    public static string Title(RbacDocument added)
    {
        var title = added switch
        {
            { IsBinding: true, RoleRef: { } role } => $"Grant {Subjects(added)} {role.Name} {Scope(added)} ({added.Name})",
            { Namespace: { } ns } => $"Add {added.Kind} {added.Name} in {ns}",
            _ => $"Add {added.Kind} {added.Name}",
        };
        var line = new string(title.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return line.Length > MaxTitle ? line[..MaxTitle] + "…" : line;
    }

    /// <summary>The body: markers, who asked, what failed, the diagnosis and the exact change.</summary>
    public static string Body(AccessChange change, PullRequestMarkers markers, RbacEditPlan plan)
    {
        var body = new StringBuilder(markers.Render()).Append('\n');
        body.Append("**Access request** ").Append(Markdown.Code(change.RequestId, 100))
            .Append(" from **").Append(Markdown.Text(change.Requester, 100)).Append("**");
        if (change.Cluster is { Length: > 0 } cluster)
        {
            body.Append(" for cluster ").Append(Markdown.Code(cluster, 100));
        }

        body.Append(", opened by the k8s-access bot.\n\n");
        if (change.WhatFailed is { Length: > 0 } failed)
        {
            body.Append("### What failed\n\n").Append(Markdown.Code(failed)).Append("\n\n");
        }

        body.Append("### Diagnosis\n\n");
        if (change.Diagnosis is { Length: > 0 } diagnosis)
        {
            body.Append(Markdown.Text(diagnosis, 2000)).Append("\n\n");
        }

        foreach (var check in change.Checks.Take(30))
        {
            body.Append("- ").Append(Status(check.Status)).Append(' ').Append(Markdown.Code(check.Name, 80))
                .Append(": ").Append(Markdown.Text(check.Detail, 1000)).Append('\n');
        }

        body.Append(change.Checks.Count > 0 ? "\n" : "").Append("### Change\n\n")
            .Append(Markdown.Text(change.Fix.Summary, 1000)).Append("\n\n")
            .Append(Markdown.Text(plan.Reason, 1000)).Append("\n\n");
        foreach (var file in plan.Changes)
        {
            body.Append(Markdown.Code(file.Path, 300)).Append(file.IsNewFile ? " (new file):\n\n" : " (added at the end):\n\n")
                .Append(Markdown.Block(Shorten(file.AddedText), "yaml")).Append('\n');
        }

        body.Append("Approve or deny in chat; merging applies the binding when the cluster syncs this repository.\n");
        return body.ToString();
    }

    /// <summary>The commit message for one file of the change.</summary>
    public static string CommitMessage(RbacFileChange file, RbacEditPlan plan, AccessChange change, RbacDocument key) =>
        file.Path == plan.TargetPath
            ? $"{Title(key)}\n\nk8s-access request {OneLine(change.RequestId)} from {OneLine(change.Requester)}."
            : $"List {RepositoryPaths.FileNameOf(plan.TargetPath)} in {file.Path}\n\nk8s-access request {OneLine(change.RequestId)}.";

    /// <summary>The comment left when a pull request is closed.</summary>
    public static string CloseComment(string reason) =>
        $"Closed by the k8s-access bot: {Markdown.Text(reason, 2000)}\n";

    private static string Subjects(RbacDocument added) =>
        added.Subjects.Count switch
        {
            0 => "nobody",
            1 => added.Subjects[0].ToString(),
            _ => $"{added.Subjects[0]} and {added.Subjects.Count - 1} more",
        };

    private static string Scope(RbacDocument added) =>
        added.Namespace is { } ns ? $"in {ns}" : "cluster-wide";

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✅",
        CheckStatus.Fail => "❌",
        CheckStatus.Warn => "⚠️",
        _ => "➖",
    };

    private static string Shorten(string text) =>
        text.Length <= MaxBlock ? text : text[..MaxBlock] + "\n# … (shortened; see the file)\n";

    private static string OneLine(string text) =>
        new(text.Take(200).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
