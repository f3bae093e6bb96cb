using System.Text.RegularExpressions;
using ChatOpsBot.Slack.Approval;
using ChatOpsBot.Teams.Adapter;

namespace ChatOpsBot.Teams.Tests.Adapter;

public sealed class TeamsIdsTests
{
    [Fact]
    public void User_ids_are_slack_shaped_and_give_the_object_id_back()
    {
        for (var i = 0; i < 200; i++)
        {
            var objectId = Guid.NewGuid();

            var userId = TeamsIds.UserId(objectId);

            Assert.True(ApprovalOptions.IsSlackId(userId));
            Assert.Matches(new Regex("^U[A-Z0-9]{2,30}$"), userId);
            Assert.Equal(objectId, TeamsIds.ObjectIdOf(userId));
        }
    }

    [Fact]
    public void The_same_object_id_always_gives_the_same_user_id()
    {
        var objectId = Guid.Parse("00000000-0000-0000-0000-00000000aa02");

        var upper = Guid.Parse("00000000-0000-0000-0000-00000000AA02");
        var other = Guid.Parse("00000000-0000-0000-0000-00000000aa03");

        Assert.Equal(TeamsIds.UserId(objectId), TeamsIds.UserId(upper));
        Assert.NotEqual(TeamsIds.UserId(objectId), TeamsIds.UserId(other));
        Assert.NotEqual(TeamsIds.UserId(objectId)[1..], TeamsIds.TeamId(objectId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("U0123ABCD")]
    [InlineData("W0000000000000000000000000A")]
    [InlineData("Uaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("U00000000000000000000000000")]
    public void Ids_not_made_from_an_object_id_give_none(string? userId) =>
        Assert.Null(TeamsIds.ObjectIdOf(userId));

    [Fact]
    public void Only_the_canonical_spelling_of_a_user_id_counts()
    {
        var userId = TeamsIds.UserId(Guid.NewGuid());

        // The last character carries two spare bits; setting one spells the same GUID differently.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var last = Alphabet.IndexOf(userId[^1], StringComparison.Ordinal);
        var other = userId[..^1] + Alphabet[last ^ 1];

        Assert.Null(TeamsIds.ObjectIdOf(other));
    }

    [Fact]
    public void Aliases_are_stable_short_and_distinct()
    {
        var a = TeamsIds.Alias('C', "19:abc@thread.tacv2");
        var b = TeamsIds.Alias('C', "19:abd@thread.tacv2");

        Assert.Equal(a, TeamsIds.Alias('C', "19:abc@thread.tacv2"));
        Assert.NotEqual(a, b);
        Assert.Equal(25, a.Length);
        Assert.StartsWith("C", a, StringComparison.Ordinal);
        Assert.True(ApprovalOptions.IsSlackId(a));
    }
}
