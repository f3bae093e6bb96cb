namespace ChatOpsBot.GitOps.Editing;

/// <summary>What <see cref="RbacFileEditor"/> decided.</summary>
public abstract record RbacEditResult;

/// <summary>The files to write.</summary>
/// <param name="TargetPath">The file that gets the new documents.</param>
/// <param name="Reason">Why that file, in one sentence for the pull request.</param>
/// <param name="Changes">Every file to create or update (the target first, then kustomizations).</param>
/// <param name="Added">The objects added, in order.</param>
public sealed record RbacEditPlan(
    string TargetPath, string Reason, IReadOnlyList<RbacFileChange> Changes, IReadOnlyList<RbacDocument> Added)
    : RbacEditResult;

/// <summary>One file to create or update.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="OriginalText">The text it has now; null for a new file.</param>
/// <param name="NewText">The text it must have.</param>
/// <param name="AddedText">What was added, for people to read (the whole file when new).</param>
public sealed record RbacFileChange(string Path, string? OriginalText, string NewText, string AddedText)
{
    /// <summary>True when the file does not exist yet.</summary>
    public bool IsNewFile => OriginalText is null;
}

/// <summary>How an existing object matches the fix.</summary>
public enum PresentMatch
{
    /// <summary>An object of the same kind, namespace and name.</summary>
    SameName,

    /// <summary>Bindings in the same scope that bind the same role to the same subjects.</summary>
    SameGrant,
}

/// <summary>The repository already has what the fix adds; nothing is to be written.</summary>
/// <param name="Path">The file that has it.</param>
/// <param name="Existing">The object found.</param>
/// <param name="Match">How it matches.</param>
/// <param name="Detail">One sentence for a person.</param>
public sealed record RbacAlreadyPresent(string Path, RbacDocument Existing, PresentMatch Match, string Detail)
    : RbacEditResult;

/// <summary>The fix cannot be written safely; nothing is to be written.</summary>
/// <param name="Reason">One line saying why.</param>
public sealed record RbacEditRejected(string Reason) : RbacEditResult;
