using ChatOpsBot.Core.Parsing.Text;

namespace ChatOpsBot.Core.Parsing.Grammar;

/// <summary>One shape of access error the parser knows how to read.</summary>
internal interface IAttemptRule
{
    /// <summary>Every occurrence of this shape in the text, in any order.</summary>
    IEnumerable<Candidate> Find(PasteText text);
}
