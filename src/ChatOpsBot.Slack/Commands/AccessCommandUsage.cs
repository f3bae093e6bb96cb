using System.Text;
using ChatOpsBot.Slack.Blocks;

namespace ChatOpsBot.Slack.Commands;

/// <summary>The help text of the slash command and short descriptions of parsed commands.</summary>
public static class AccessCommandUsage
{
    /// <summary>The usage reply, in mrkdwn, for the configured command name.</summary>
    public static string Text(string commandName)
    {
        var c = Mrkdwn.Escape(commandName);
        return $"""
            *Check your Kubernetes access:*
            • `{c} hello` — can I `kubectl exec` into pods in namespace `hello`? (`{c} hello POD` for one pod)
            • `{c} logs hello [POD]` — also `exec`, `cp`, `attach`, `port-forward`
            • `{c} get secrets -n hello` — any request:
              `VERB RESOURCE[/SUBRESOURCE] [NAMESPACE [NAME]]`, `-n NAMESPACE`, `-A` for all namespaces
            • Options: `--cluster NAME` (a configured cluster), `--as-role ARN` (the IAM role you use)
            • Or paste the error in a channel I am in, and I will answer in its thread.
            """;
    }

    /// <summary>What the command checks, in a few words of mrkdwn.</summary>
    public static string Describe(AccessCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder();
        if (command.KubectlCommand is { } kubectl)
        {
            text.Append('`').Append(kubectl).Append('`');
        }
        else
        {
            var resource = command.Subresource is null
                ? command.Resource
                : $"{command.Resource}/{command.Subresource}";
            if (command.ApiGroup is { Length: > 0 } group)
            {
                resource += "." + group;
            }

            text.Append(Mrkdwn.Code(command.Verb)).Append(' ').Append(Mrkdwn.Code(resource));
        }

        if (command.Name is { } name)
        {
            text.Append(" on ").Append(Mrkdwn.Code(name));
        }

        text.Append(command.Namespace is { } ns ? " in namespace " + Mrkdwn.Code(ns) : " at cluster scope");
        if (command.Cluster is { } cluster)
        {
            text.Append(" on cluster ").Append(Mrkdwn.Code(cluster));
        }

        return text.ToString();
    }
}
