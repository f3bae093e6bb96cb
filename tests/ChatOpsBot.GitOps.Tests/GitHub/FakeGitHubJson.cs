using System.Text.Json.Nodes;

namespace ChatOpsBot.GitOps.Tests.GitHub;

/// <summary>
/// GitHub's response bodies, built from recorded responses (Fixtures/github) with the fields the
/// fake's state decides filled in, or written from GitHub's documented shapes where no recording exists.
/// </summary>
internal sealed class FakeGitHubJson(string owner, string repository, string apiBase)
{
    private const string WebBase = "https://github.example.com";

    private string Web(string path) => $"{WebBase}/{owner}/{repository}/{path}";

    private string Api(string path) => $"{apiBase}repos/{owner}/{repository}/{path}";

    public JsonNode Repository(string defaultBranch)
    {
        var json = Template("repository.json");
        json["name"] = repository;
        json["full_name"] = $"{owner}/{repository}";
        json["default_branch"] = defaultBranch;
        return json;
    }

    public JsonNode Reference(string branch, string sha)
    {
        var json = Template("reference.json");
        json["ref"] = $"refs/heads/{branch}";
        json["url"] = Api($"git/refs/heads/{branch}");
        json["object"]!["sha"] = sha;
        json["object"]!["url"] = Api($"git/commits/{sha}");
        return json;
    }

    public JsonNode FileCommit(string path, string blobSha, int size, string branch, FakeCommit commit)
    {
        var json = Template("file-commit.json");
        var content = json["content"]!;
        content["name"] = path[(path.LastIndexOf('/') + 1)..];
        content["path"] = path;
        content["sha"] = blobSha;
        content["size"] = size;
        content["url"] = Api($"contents/{path}?ref={branch}");
        var commitJson = json["commit"]!;
        commitJson["sha"] = commit.Sha;
        commitJson["message"] = commit.Message;
        commitJson["url"] = Api($"git/commits/{commit.Sha}");
        commitJson["html_url"] = Web($"commit/{commit.Sha}");
        commitJson["parents"] = new JsonArray(
            commit.Parent is null ? [] : [new JsonObject { ["sha"] = commit.Parent }]);
        return json;
    }

    /// <summary>A file of the Contents API: the listing item's shape plus content and encoding.</summary>
    public JsonNode ContentFile(string path, string blobSha, byte[] bytes, string reference)
    {
        var json = Template("content-item.json");
        json["name"] = path[(path.LastIndexOf('/') + 1)..];
        json["path"] = path;
        json["sha"] = blobSha;
        json["size"] = bytes.Length;
        json["url"] = Api($"contents/{path}?ref={reference}");
        json["git_url"] = Api($"git/blobs/{blobSha}");
        json["content"] = Base64Lines(bytes);
        json["encoding"] = "base64";
        return json;
    }

    public JsonNode Tree(string sha, IReadOnlyDictionary<string, string> tree,
        IReadOnlyDictionary<string, byte[]> blobs)
    {
        var entries = new JsonArray();
        var folders = tree.Keys.SelectMany(Folders).Distinct(StringComparer.Ordinal);
        foreach (var folder in folders.Order(StringComparer.Ordinal))
        {
            entries.Add(new JsonObject { ["path"] = folder, ["mode"] = "040000", ["type"] = "tree",
                ["sha"] = new string('e', 40), ["url"] = Api("git/trees/" + new string('e', 40)) });
        }

        foreach (var (path, blob) in tree.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            entries.Add(new JsonObject { ["path"] = path, ["mode"] = "100644", ["type"] = "blob",
                ["sha"] = blob, ["size"] = blobs[blob].Length, ["url"] = Api($"git/blobs/{blob}") });
        }

        return new JsonObject { ["sha"] = sha, ["url"] = Api($"git/trees/{sha}"),
            ["tree"] = entries, ["truncated"] = false };
    }

    public JsonNode Blob(string sha, byte[] bytes) => new JsonObject
    {
        ["sha"] = sha, ["node_id"] = "B_fake", ["size"] = bytes.Length, ["url"] = Api($"git/blobs/{sha}"),
        ["content"] = Base64Lines(bytes), ["encoding"] = "base64",
    };

    public JsonNode PullRequest(FakePullRequest pull, string headSha, string baseSha)
    {
        var json = Template("pull-request.json");
        json["url"] = Api($"pulls/{pull.Number}");
        json["id"] = 1000 + pull.Number;
        json["html_url"] = Web($"pull/{pull.Number}");
        json["issue_url"] = Api($"issues/{pull.Number}");
        json["number"] = pull.Number;
        json["state"] = pull.State;
        json["title"] = pull.Title;
        json["body"] = pull.Body;
        json["merged"] = pull.Merged;
        json["mergeable"] = pull.State == "open" ? true : null;
        json["merge_commit_sha"] = pull.MergeSha;
        json["merged_at"] = pull.Merged ? "2024-05-01T10:00:00Z" : null;
        json["closed_at"] = pull.State == "closed" ? "2024-05-01T10:00:00Z" : null;
        json["labels"] = new JsonArray([.. pull.Labels.Select(Label)]);
        json["requested_reviewers"] = new JsonArray([.. pull.Reviewers.Select(User)]);
        json["requested_teams"] = new JsonArray([.. pull.Teams.Select(team
            => (JsonNode)new JsonObject { ["id"] = 7, ["slug"] = team, ["name"] = team })]);
        Side(json["head"]!, pull.Head, headSha);
        Side(json["base"]!, pull.Base, baseSha);
        return json;
    }

    public JsonNode Review(int id, int number, string login, string state, string commitId)
    {
        var json = Template("review.json");
        json["id"] = id;
        json["user"]!["login"] = login;
        json["state"] = state;
        json["commit_id"] = commitId;
        json["pull_request_url"] = Api($"pulls/{number}");
        return json;
    }

    public static JsonNode Label(string name) => new JsonObject
    {
        ["id"] = Math.Abs(name.GetHashCode(StringComparison.Ordinal)), ["node_id"] = "LA_fake",
            ["url"] = $"https://api.example/labels/{Uri.EscapeDataString(name)}",
        ["name"] = name, ["color"] = "ededed", ["default"] = false, ["description"] = null,
    };

    public JsonNode Comment(int id, int number, string body) => new JsonObject
    {
        ["id"] = id, ["node_id"] = "IC_fake", ["url"] = Api($"issues/comments/{id}"),
            ["html_url"] = Web($"pull/{number}#issuecomment-{id}"),
        ["body"] = body, ["user"] = User("k8s-access-bot"),
            ["created_at"] = "2024-05-01T10:00:00Z", ["updated_at"] = "2024-05-01T10:00:00Z",
        ["issue_url"] = Api($"issues/{number}"), ["author_association"] = "NONE",
    };

    public static JsonNode Error(string message, params string[] details)
    {
        var json = new JsonObject { ["message"] = message,
            ["documentation_url"] = "https://docs.github.com/rest" };
        if (details.Length > 0)
        {
            json["errors"] = new JsonArray([.. details.Select(detail
                => (JsonNode)new JsonObject { ["resource"] = "PullRequest", ["code"] = "custom",
                    ["message"] = detail })]);
        }

        return json;
    }

    /// <summary>The recorded 422 "A pull request already exists" body, naming this head.</summary>
    public JsonNode PullRequestExists(string head)
    {
        var json = Template("pull-exists-error.json");
        json["errors"]![0]!["message"] = $"A pull request already exists for {owner}:{head}.";
        return json;
    }

    /// <summary>The recorded 422 "Validation Failed" body with one error message.</summary>
    public JsonNode ValidationFailed(string detail)
    {
        var json = Template("validation-error.json");
        json["errors"] = new JsonArray(new JsonObject { ["resource"] = "Reference",
            ["code"] = "custom", ["message"] = detail });
        return json;
    }

    private void Side(JsonNode side, string branch, string sha)
    {
        side["ref"] = branch;
        side["sha"] = sha;
        side["label"] = $"{owner}:{branch}";
    }

    private static JsonNode User(string login) => new JsonObject
    {
        ["login"] = login, ["id"] = 2000 + login.Length, ["node_id"] = "U_fake",
            ["avatar_url"] = "https://avatars.example/u",
        ["url"] = $"https://api.example/users/{login}",
            ["html_url"] = $"https://github.example.com/{login}", ["type"] = "User", ["site_admin"] = false,
    };

    // GitHub wraps base64 content at 60 characters.
    private static string Base64Lines(byte[] bytes) =>
        string.Join("\n", Convert.ToBase64String(bytes).Chunk(60).Select(chunk => new string(chunk))) + "\n";

    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/',
            StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    private JsonNode Template(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "github", name))
            .Replace("<GITHUB_TEST_ORGANIZATION>", owner, StringComparison.Ordinal)
            .Replace("<GITHUB_LOGIN>", "k8s-access-bot", StringComparison.Ordinal)
            .Replace("<GITHUB_COLLABORATOR_LOGIN>", "reviewer", StringComparison.Ordinal)
            .Replace("<GITHUB_TEST_INTEGRATION>", "00000", StringComparison.Ordinal)
            .Replace("octokit-fixture-org", owner, StringComparison.Ordinal);
        return JsonNode.Parse(text)!;
    }
}
