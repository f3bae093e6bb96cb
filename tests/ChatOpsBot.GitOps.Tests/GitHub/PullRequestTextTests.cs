using ChatOpsBot.GitOps.Editing;
using ChatOpsBot.GitOps.GitHub;
using ChatOpsBot.GitOps.Repository;
using ChatOpsBot.GitOps.Tests.Editing;

namespace ChatOpsBot.GitOps.Tests.GitHub;

public class PullRequestTextTests
{
    [Fact]
    public void Titles_name_the_grant()
    {
        var key = FixManifest.Parse(Fixes.RoleBinding()).Key.Resource;
        var clusterWide = FixManifest.Parse(Fixes.ClusterRoleBinding("ops-view", "view", "ops")).Key.Resource;

        Assert.Equal("Grant Group fake_company:server edit in hello (rb:hello)", PullRequestText.Title(key));
        Assert.Equal("Grant Group ops view cluster-wide (ops-view)", PullRequestText.Title(clusterWide));
    }

    [Fact]
    public void Markers_round_trip_and_cannot_be_forged_below_the_top()
    {
        var key = FixManifest.Parse(Fixes.RoleBinding(subject: "a --> b")).Key.Resource;
        var markers = PullRequestMarkers.For("req-1", key);

        var body = markers.Render() + "\nText\n" + PullRequestMarkers.For("req-9", key).Render();

        var parsed = PullRequestMarkers.Parse(body)!;
        Assert.Equal(markers, parsed);
        Assert.Null(PullRequestMarkers.Parse("Quoted:\n" + markers.Render()));
        Assert.DoesNotContain("a --> b", markers.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Same_grant_under_another_name_is_the_same_change()
    {
        var one = PullRequestMarkers.For("r1", FixManifest.Parse(Fixes.RoleBinding()).Key.Resource);
        var other = PullRequestMarkers.For("r2",
            FixManifest.Parse(Fixes.RoleBinding(name: "hello-edit")).Key.Resource);
        var different = PullRequestMarkers.For("r3",
            FixManifest.Parse(Fixes.RoleBinding(role: "view", name: "x")).Key.Resource);

        Assert.True(one.SameChange(other));
        Assert.False(one.SameChange(different));
    }

    [Fact]
    public void Untrusted_text_cannot_format_mention_or_escape_its_block()
    {
        Assert.Equal("\\*\\*bold\\*\\* @\u200Dteam \\<img\\>", Markdown.Text("**bold** @team <img>"));
        Assert.Equal("``a`b``", Markdown.Code("a`b"));
        var block = Markdown.Block("x\n```\ny", "yaml");
        Assert.StartsWith("````yaml\n", block, StringComparison.Ordinal);
        Assert.EndsWith("\n````\n", block, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_explain_what_is_missing()
    {
        Assert.Equal(2, new GitHubRbacOptions().Validate().Count);
        Assert.Empty(new GitHubRbacOptions { Owner = "o", Repository = "r", Token = "t" }.Validate());
        Assert.Single(new GitHubRbacOptions { Owner = "o", Repository = "r", Token = "t",
            AppId = 1 }.Validate());
        Assert.Single(new GitHubRbacOptions { Owner = "o", Repository = "r", AppId = 1,
            InstallationId = 2 }.Validate());
        Assert.Throws<ArgumentException>(() => new GitHubRbacRepository(new GitHubRbacOptions()));
    }

    [Fact]
    public void Enterprise_base_url_keeps_its_path_and_gets_a_trailing_slash()
    {
        var options = new GitHubRbacOptions { ApiBaseUrl = new Uri("https://ghe.example.com/api/v3") };

        Assert.Equal("https://ghe.example.com/api/v3/", GitHubClientFactory.BaseAddress(options).AbsoluteUri);
        Assert.Equal("https://api.github.com/",
            GitHubClientFactory.BaseAddress(new GitHubRbacOptions()).AbsoluteUri);
    }
}
