using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.GitOps.Tests.GitHub;

internal sealed partial class FakeGitHub
{
    private const string RepoPrefix = $"/api/v3/repos/{Owner}/{Repo}";

    private (int Status, JsonNode? Body, IDictionary<string, string>? Headers) Route(
        string method, string path, IQueryCollection query, string body, string authorization)
    {
        if (path.StartsWith("/api/v3/app/installations/", StringComparison.Ordinal)
            && path.EndsWith("/access_tokens", StringComparison.Ordinal))
        {
            return Answer(InstallationToken(authorization));
        }

        // The scheme is case-insensitive (Octokit writes "Token"); the token is not.
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? "" : authorization[..space];
        if (space < 0 || authorization[(space + 1)..] != Token
            || !(scheme.Equals("token", StringComparison.OrdinalIgnoreCase)
                || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)))
        {
            return Answer((401, FakeGitHubJson.Error("Bad credentials")));
        }

        if (!path.StartsWith(RepoPrefix, StringComparison.Ordinal))
        {
            return Unknown(method, path);
        }

        var rest = path[RepoPrefix.Length..];
        var input = body.Length > 0 ? JsonNode.Parse(body) : null;
        lock (State.Gate)
        {
            var result = (method, rest) switch
            {
                ("GET", "") => (200, Json.Repository(State.DefaultBranch)),
                ("GET", _) when Ref(rest) is { } branch => GetRef(branch),
                ("PATCH", _) when Ref(rest) is { } branch => UpdateRef(branch, input!),
                ("DELETE", _) when Ref(rest) is { } branch => DeleteRef(branch),
                ("POST", "/git/refs") => CreateRef(input!),
                ("GET", _) when After(rest, "/git/trees/") is { } sha => GetTree(sha),
                ("GET", _) when After(rest, "/git/blobs/") is { } sha => GetBlob(sha),
                ("GET", _) when After(rest, "/contents/") is { } file => GetContent(file,
                    query["ref"].ToString()),
                ("PUT", _) when After(rest, "/contents/") is { } file => PutContent(file, input!),
                ("GET", "/pulls") => ListPulls(query),
                ("POST", "/pulls") => CreatePull(input!),
                _ => PullRoute(method, rest, input),
            };
            return result.Item1 == 0 ? Unknown(method, path) : Answer(result);
        }
    }

    private (int, JsonNode?) PullRoute(string method, string rest, JsonNode? input)
    {
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] is not ("pulls" or "issues") || !int.TryParse(parts[1],
            out var number))
        {
            return (0, null);
        }

        var pull = State.PullRequests.FirstOrDefault(candidate => candidate.Number == number);
        if (pull is null)
        {
            return (404, FakeGitHubJson.Error("Not Found"));
        }

        return (method, parts[0], parts.Length > 2 ? parts[2] : "") switch
        {
            ("GET", "pulls", "") => (200, PullJson(pull)),
            ("PATCH", "pulls", "") => UpdatePull(pull, input!),
            ("PUT", "pulls", "merge") => Merge(pull, input!),
            ("GET", "pulls", "reviews") => (200, new JsonArray([.. pull.Reviews.Select((review, i)
                => Json.Review(900 + i, number, review.Login, review.State, review.CommitId))])),
            ("POST", "pulls", "requested_reviewers") => RequestReviewers(pull, input!),
            ("POST", "issues", "labels") => AddLabels(pull, input!),
            ("POST", "issues", "comments") => AddComment(pull, input!),
            _ => (0, null),
        };
    }

    private (int, JsonNode?) GetRef(string branch) =>
        State.Branches.TryGetValue(branch, out var sha) ? (200, Json.Reference(branch,
            sha)) : (404, FakeGitHubJson.Error("Not Found"));

    private (int, JsonNode?) CreateRef(JsonNode input)
    {
        var name = input["ref"]!.GetValue<string>();
        var sha = input["sha"]!.GetValue<string>();
        if (!name.StartsWith("refs/heads/", StringComparison.Ordinal) || !State.Commits.ContainsKey(sha))
        {
            return (422, FakeGitHubJson.Error("Reference update failed"));
        }

        var branch = name["refs/heads/".Length..];
        if (State.Branches.ContainsKey(branch))
        {
            return (422, FakeGitHubJson.Error("Reference already exists"));
        }

        State.Branches[branch] = sha;
        State.ForkPoints[branch] = sha;
        return (201, Json.Reference(branch, sha));
    }

    private (int, JsonNode?) UpdateRef(string branch, JsonNode input)
    {
        var sha = input["sha"]!.GetValue<string>();
        if (!State.Branches.TryGetValue(branch, out var current))
        {
            return (422, FakeGitHubJson.Error("Reference does not exist"));
        }

        if (input["force"]?.GetValue<bool>() != true && !IsAncestor(current, sha))
        {
            return (422, FakeGitHubJson.Error("Update is not a fast forward"));
        }

        State.Branches[branch] = sha;
        State.ForkPoints[branch] = sha;
        return (200, Json.Reference(branch, sha));
    }

    private (int, JsonNode?) DeleteRef(string branch)
    {
        if (!State.Branches.Remove(branch, out var head))
        {
            return (422, FakeGitHubJson.Error("Reference does not exist"));
        }

        // GitHub closes the open pull requests of a deleted head branch.
        foreach (var pull in State.PullRequests.Where(pull => pull.Head == branch && pull.State == "open"))
        {
            pull.State = "closed";
            pull.ClosedHeadSha = head;
        }

        return (204, null);
    }

    private (int, JsonNode?) GetTree(string sha) =>
        State.Commits.TryGetValue(sha, out var commit) ? (200, Json.Tree(sha, commit.Tree,
            State.Blobs)) : (404, FakeGitHubJson.Error("Not Found"));

    private (int, JsonNode?) GetBlob(string sha) =>
        State.Blobs.TryGetValue(sha, out var bytes) ? (200, Json.Blob(sha, bytes)) : (404,
            FakeGitHubJson.Error("Not Found"));

    private (int, JsonNode?) GetContent(string path, string reference)
    {
        var branch = reference.Length > 0 ? reference : State.DefaultBranch;
        if (!State.Branches.TryGetValue(branch, out var head)
            || !State.Commits[head].Tree.TryGetValue(path, out var blob))
        {
            return (404, FakeGitHubJson.Error("Not Found"));
        }

        return (200, Json.ContentFile(path, blob, State.Blobs[blob], branch));
    }

    private (int, JsonNode?) PutContent(string path, JsonNode input)
    {
        var branch = input["branch"]?.GetValue<string>() ?? State.DefaultBranch;
        if (!State.Branches.TryGetValue(branch, out var head))
        {
            return (404, FakeGitHubJson.Error($"Branch {branch} not found"));
        }

        var tree = new Dictionary<string, string>(State.Commits[head].Tree, StringComparer.Ordinal);
        var given = input["sha"]?.GetValue<string>();
        var exists = tree.TryGetValue(path, out var current);
        if (exists && given is null)
        {
            return (422, FakeGitHubJson.Error("Invalid request.\n\n\"sha\" wasn't supplied."));
        }

        if (given is not null && given != current)
        {
            return (409, FakeGitHubJson.Error($"{path} does not match {given}"));
        }

        var bytes = Convert.FromBase64String(input["content"]!.GetValue<string>());
        tree[path] = State.PutBlob(bytes);
        var sha = State.AddCommit(tree, head, input["message"]!.GetValue<string>());
        State.Branches[branch] = sha;
        return (exists ? 200 : 201, Json.FileCommit(path, tree[path], bytes.Length, branch,
            State.Commits[sha]));
    }

    private (int, JsonNode?) ListPulls(IQueryCollection query)
    {
        var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var baseBranch = query["base"].ToString();
        var head = query["head"].ToString();
        var pulls = State.PullRequests
            .Where(pull => state == "all" || pull.State == state)
            .Where(pull => baseBranch.Length == 0 || pull.Base == baseBranch)
            .Where(pull => head.Length == 0 || $"{Owner}:{pull.Head}" == head)
            .OrderByDescending(pull => pull.Number);
        return (200, new JsonArray([.. pulls.Select(PullJson)]));
    }

    private (int, JsonNode?) CreatePull(JsonNode input)
    {
        var head = input["head"]!.GetValue<string>();
        var baseBranch = input["base"]!.GetValue<string>();
        if (State.PullRequests.Any(pull => pull.Head == head && pull.Base == baseBranch
            && pull.State == "open"))
        {
            return (422, Json.PullRequestExists(head));
        }

        if (!State.Branches.TryGetValue(head, out var headSha)
            || !State.Branches.TryGetValue(baseBranch, out var baseSha))
        {
            return (422, Json.ValidationFailed("head or base is invalid"));
        }

        if (State.Commits[headSha].Tree.Count == State.Commits[baseSha].Tree.Count
            && State.Commits[headSha].Tree.All(entry
                => State.Commits[baseSha].Tree.GetValueOrDefault(entry.Key) == entry.Value))
        {
            return (422, Json.ValidationFailed($"No commits between {baseBranch} and {head}"));
        }

        var pull = new FakePullRequest
        {
            Number = State.PullRequests.Count + 1,
            Title = input["title"]!.GetValue<string>(),
            Body = input["body"]?.GetValue<string>() ?? "",
            Head = head,
            Base = baseBranch,
        };
        State.PullRequests.Add(pull);
        return (201, PullJson(pull));
    }

    private (int, JsonNode?) UpdatePull(FakePullRequest pull, JsonNode input)
    {
        if (input["state"]?.GetValue<string>() is { } state)
        {
            pull.ClosedHeadSha = state == "closed" ? State.Branches.GetValueOrDefault(pull.Head) : null;
            pull.State = state;
        }

        return (200, PullJson(pull));
    }

    private (int, JsonNode?) Merge(FakePullRequest pull, JsonNode input)
    {
        var head = State.Branches.GetValueOrDefault(pull.Head);
        if (pull.State != "open" || head is null)
        {
            return (405, FakeGitHubJson.Error("Pull Request is not mergeable"));
        }

        if (input["sha"]?.GetValue<string>() is { } expected && expected != head)
        {
            return (409, FakeGitHubJson.Error("Head branch was modified. Review and try the merge again."));
        }

        // A three-way merge per file from the branch's fork point.
        var fork = State.Commits[State.ForkPoints[pull.Head]].Tree;
        var ours = State.Commits[head].Tree;
        var theirs = State.Commits[State.Branches[pull.Base]].Tree;
        var merged = new Dictionary<string, string>(theirs, StringComparer.Ordinal);
        foreach (var (path, blob) in ours)
        {
            var before = fork.GetValueOrDefault(path);
            var now = theirs.GetValueOrDefault(path);
            if (blob == before)
            {
                continue;
            }

            if (now != before && now != blob)
            {
                return (405, FakeGitHubJson.Error("Pull Request is not mergeable"));
            }

            merged[path] = blob;
        }

        var sha = State.AddCommit(merged, State.Branches[pull.Base],
            input["commit_title"]?.GetValue<string>() ?? pull.Title);
        State.Branches[pull.Base] = sha;
        pull.Merged = true;
        pull.MergeSha = sha;
        pull.ClosedHeadSha = head;
        pull.State = "closed";
        return (200, new JsonObject { ["sha"] = sha, ["merged"] = true,
            ["message"] = "Pull Request successfully merged" });
    }

    private (int, JsonNode?) RequestReviewers(FakePullRequest pull, JsonNode input)
    {
        var users = input["reviewers"]?.AsArray().Select(node => node!.GetValue<string>()).ToList() ?? [];
        if (users.Contains("nobody-here"))
        {
            return (422,
                Json.ValidationFailed(
                    "Reviews may only be requested from collaborators. "
                    + "One or more of the users or teams you specified is not a collaborator "
                    + "of the platform/rbac repository."));
        }

        pull.Reviewers.AddRange(users);
        pull.Teams.AddRange(input["team_reviewers"]?.AsArray().Select(node
            => node!.GetValue<string>()) ?? []);
        return (201, PullJson(pull));
    }

    private static (int, JsonNode?) AddLabels(FakePullRequest pull, JsonNode input)
    {
        var labels = input is JsonArray array ? array : input["labels"]!.AsArray();
        pull.Labels.AddRange(labels.Select(node => node!.GetValue<string>()).Where(label
            => !pull.Labels.Contains(label)));
        return (200, new JsonArray([.. pull.Labels.Select(FakeGitHubJson.Label)]));
    }

    private (int, JsonNode?) AddComment(FakePullRequest pull, JsonNode input)
    {
        var text = input["body"]!.GetValue<string>();
        pull.Comments.Add(text);
        return (201, Json.Comment(NextId(), pull.Number, text));
    }

    private JsonNode PullJson(FakePullRequest pull) =>
        Json.PullRequest(pull, State.Branches.GetValueOrDefault(pull.Head) ?? pull.ClosedHeadSha
            ?? "", State.Branches[pull.Base]);

    private (int, JsonNode?) InstallationToken(string authorization)
    {
        const string bearer = "Bearer ";
        if (AppKey is null || !authorization.StartsWith(bearer, StringComparison.Ordinal))
        {
            return (401, FakeGitHubJson.Error("A JSON web token could not be decoded"));
        }

        var parts = authorization[bearer.Length..].Split('.');
        var signed = parts.Length == 3 && AppKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"),
            FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (!signed)
        {
            return (401, FakeGitHubJson.Error("A JSON web token could not be decoded"));
        }

        InstallationTokensIssued++;
        Token = $"ghs_installation_{InstallationTokensIssued}";
        return (201, new JsonObject
        {
            ["token"] = Token,
            ["expires_at"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ",
                System.Globalization.CultureInfo.InvariantCulture),
            ["permissions"] = new JsonObject { ["contents"] = "write", ["pull_requests"] = "write" },
            ["repository_selection"] = "selected",
        });
    }

    private bool IsAncestor(string ancestor, string sha)
    {
        for (var current = sha; current is not null; current = State.Commits[current].Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private static string? Ref(string rest) =>
        After(rest, "/git/refs/heads/") ?? After(rest, "/git/ref/heads/");

    private static string? After(string rest, string prefix) =>
        rest.StartsWith(prefix, StringComparison.Ordinal)
            && rest.Length > prefix.Length ? rest[prefix.Length..] : null;

    private (int, JsonNode?, IDictionary<string, string>?) Unknown(string method, string path)
    {
        lock (Unmatched)
        {
            Unmatched.Add($"{method} {path}");
        }

        return (404, FakeGitHubJson.Error("Not Found (no route in the fake)"), null);
    }

    private static (int, JsonNode?, IDictionary<string, string>?) Answer((int Status,
        JsonNode? Body) result) =>
        (result.Status, result.Body, null);
}
