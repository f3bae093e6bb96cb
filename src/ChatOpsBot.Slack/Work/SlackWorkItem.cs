namespace ChatOpsBot.Slack.Work;

/// <summary>
/// One piece of slow work left over from a Slack request. It runs later in its own DI scope,
/// so it must capture plain values only (never a request's JSON document or HttpContext).
/// </summary>
/// <param name="Name">A short label for logs (<c>slash-command</c>, <c>message</c>, …).</param>
/// <param name="RunAsync">The work, given the scope's services.</param>
public sealed record SlackWorkItem(string Name, Func<IServiceProvider, CancellationToken, Task> RunAsync);
