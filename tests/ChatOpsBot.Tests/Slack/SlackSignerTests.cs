using System.Text;

namespace ChatOpsBot.Tests.Slack;

/// <summary>The tests sign and encode requests as Slack does: Slack's own example reproduces.</summary>
public sealed class SlackSignerTests
{
    [Fact]
    public void Signer_reproduces_the_signature_of_Slacks_published_example()
    {
        var vector = SlackFixtures.Json("signing/signature-vectors.json")["official"]![0]!;

        var signature = SlackSigner.Sign(
            (string)vector["signingSecret"]!, (string)vector["timestamp"]!,
            Encoding.UTF8.GetBytes((string)vector["body"]!));

        Assert.Equal((string?)vector["expectedSignature"], signature);
    }

    [Fact]
    public void Command_form_keeps_Slacks_encoding_of_every_field_it_does_not_replace()
    {
        var original = SlackFixtures.Text("slash-commands/webhook-collect.form-urlencoded.txt").Trim();
        var responseUrl = new Uri(
            "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN");

        var form = SlackPayloads.Command("/webhook-collect", "", responseUrl, "U2CERLKJA");

        Assert.Equal(original, form);
    }
}
