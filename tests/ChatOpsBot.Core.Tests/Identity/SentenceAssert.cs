namespace ChatOpsBot.Core.Tests.Identity;

/// <summary>Checks on the problem and note sentences the identity code writes.</summary>
internal static class SentenceAssert
{
    /// <summary>Some sentence contains the fragment (ordinal).</summary>
    internal static void AnyContains(IEnumerable<string> sentences, string fragment) =>
        Assert.Contains(sentences, sentence => sentence.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Exactly one sentence, and it contains the fragment.</summary>
    internal static void SingleContains(IEnumerable<string> sentences, string fragment) =>
        Assert.Contains(fragment, Assert.Single(sentences), StringComparison.Ordinal);
}
