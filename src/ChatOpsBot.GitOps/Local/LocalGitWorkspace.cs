using System.Text;
using ChatOpsBot.GitOps.Editing;
using ChatOpsBot.GitOps.Repository;

namespace ChatOpsBot.GitOps.Local;

/// <summary>The YAML files of one commit.</summary>
/// <param name="CommitSha">The commit read.</param>
/// <param name="Texts">Path → exact text, for the files that could be read.</param>
/// <param name="Modes">Path → Git file mode, so an edit keeps it.</param>
/// <param name="Unreadable">Paths that exist but are too large or not UTF-8.</param>
internal sealed record LocalSnapshot(string CommitSha, IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, string> Modes, IReadOnlySet<string> Unreadable);

/// <summary>
/// The Git plumbing behind the local repository: create it from a seed folder, read a commit's
/// YAML files, commit files onto a branch without touching the working tree, and merge.
/// </summary>
internal sealed class LocalGitWorkspace
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    private readonly LocalGitRbacOptions _options;

    public LocalGitWorkspace(string root, LocalGitRbacOptions options)
    {
        Root = root;
        _options = options;
        Git = new GitRunner(root, options);
    }

    public string Root { get; }

    public GitRunner Git { get; }

    public string BaseRef => "refs/heads/" + _options.BaseBranch;

    /// <summary>True when the repository exists (it may still lack the base branch).</summary>
    public bool Exists => Directory.Exists(Git.GitDir);

    /// <summary>Creates the repository from the seed folder: built beside it, then moved into place,
    /// so a failure half-way leaves no half-made repository.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Root) && Directory.EnumerateFileSystemEntries(Root).Any())
        {
            throw new RbacRepositoryException(
                $"{Root} exists, is not empty and is not a Git repository; choose another RepositoryPath.");
        }

        var building = Root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            + ".creating-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(building);
            if (_options.SeedFrom is { Length: > 0 } seed)
            {
                CopyFolder(seed, building);
            }

            var git = new GitRunner(building, _options);
            await git.RunAsync(["init", "-q"], cancellationToken).ConfigureAwait(false);
            await git.RunAsync(["symbolic-ref", "HEAD", BaseRef], cancellationToken).ConfigureAwait(false);
            await git.RunAsync(["add", "-A"], cancellationToken).ConfigureAwait(false);
            await git.RunAsync(["commit", "-q", "--no-verify", "--allow-empty", "-m",
                "Seed the RBAC repository"], cancellationToken).ConfigureAwait(false);
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root);
            }

            Directory.Move(building, Root);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RbacRepositoryException($"Could not create the repository {Root}: {exception.Message}",
                exception);
        }
        finally
        {
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }
        }
    }

    /// <summary>The commit a branch points at, or null when there is no such branch.</summary>
    public async Task<string?> HeadOfAsync(string reference, CancellationToken cancellationToken)
    {
        var result = await Git.TryAsync(["rev-parse", "-q", "--verify", reference + "^{commit}"],
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Text : null;
    }

    /// <summary>The YAML files (manifests and kustomizations) of a commit.</summary>
    public async Task<LocalSnapshot> ReadAsync(string commitSha, CancellationToken cancellationToken)
    {
        var listing = await Git.RunAsync(["ls-tree", "-r", "-l", "-z", "--full-tree", commitSha],
            cancellationToken).ConfigureAwait(false);
        var entries = Encoding.UTF8.GetString(listing.Output).Split('\0',
            StringSplitOptions.RemoveEmptyEntries)
            .Select(ParseTreeEntry)
            .Where(entry => entry.Type == "blob")
            .Where(entry => RepositoryPaths.IsManifestFile(entry.Path)
                || RepositoryPaths.IsKustomization(entry.Path))
            .ToList();
        if (entries.Count > _options.MaxFiles)
        {
            throw new RbacRepositoryException(
                $"The repository holds {entries.Count} YAML files, more than the {_options.MaxFiles} read.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var text = entry.Size <= RepositoryFile.MaxLength
                ? await ReadBlobAsync(entry.Sha, cancellationToken).ConfigureAwait(false)
                : null;
            if (text is null)
            {
                unreadable.Add(entry.Path);
                continue;
            }

            texts[entry.Path] = text;
            modes[entry.Path] = entry.Mode;
        }

        return new LocalSnapshot(commitSha, texts, modes, unreadable);
    }

    /// <summary>
    /// Writes the files on top of <paramref name="baseSha"/> as one commit and points the branch at
    /// it (a branch left from an earlier try is reset). The working tree is not touched.
    /// </summary>
    public async Task<string> CommitAsync(string baseSha, string branchRef,
        IReadOnlyList<RbacFileChange> files, IReadOnlyDictionary<string, string> modes, string message,
        CancellationToken cancellationToken)
    {
        var tree = await WriteTreeAsync(baseSha, files.Select(file => (file.Path, file.NewText,
            modes.GetValueOrDefault(file.Path) is "100755" ? "100755" : "100644")), cancellationToken)
            .ConfigureAwait(false);
        var commit = await Git.RunAsync(["commit-tree", tree, "-p", baseSha, "-F", "-"],
            cancellationToken, Encoding.UTF8.GetBytes(message)).ConfigureAwait(false);
        await Git.RunAsync(["update-ref", "-m", "k8s-access: open", branchRef, commit.Text],
            cancellationToken).ConfigureAwait(false);
        return commit.Text;
    }

    /// <summary>
    /// The commit the base branch gets when <paramref name="headSha"/> is merged into it: the head
    /// itself (fast-forward), the base (nothing new), or a new merge commit; null on conflicts.
    /// </summary>
    public async Task<string?> MergeCommitAsync(string baseSha, string headSha, string message,
        CancellationToken cancellationToken)
    {
        if (await IsAncestorAsync(headSha, baseSha, cancellationToken).ConfigureAwait(false))
        {
            return baseSha;
        }

        if (await IsAncestorAsync(baseSha, headSha, cancellationToken).ConfigureAwait(false))
        {
            return headSha;
        }

        var merged = await MergedTreeAsync(baseSha, headSha, cancellationToken).ConfigureAwait(false)
            ?? await AppendedTreeAsync(baseSha, headSha, cancellationToken).ConfigureAwait(false);
        if (merged is null)
        {
            return null;
        }

        var commit = await Git.RunAsync(["commit-tree", merged, "-p", baseSha, "-p", headSha, "-F", "-"],
            cancellationToken, Encoding.UTF8.GetBytes(message)).ConfigureAwait(false);
        return commit.Text;
    }

    /// <summary>True when the head can be merged into the base without conflicts.</summary>
    public async Task<bool> CanMergeAsync(string baseSha, string headSha,
        CancellationToken cancellationToken) =>
        await IsAncestorAsync(baseSha, headSha, cancellationToken).ConfigureAwait(false)
        || await MergedTreeAsync(baseSha, headSha, cancellationToken).ConfigureAwait(false) is not null
        || await AppendedTreeAsync(baseSha, headSha, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Moves the base branch from <paramref name="oldSha"/> to <paramref name="newSha"/>. When the
    /// working tree has the base branch checked out it is updated too (as a pull would), keeping
    /// local edits that do not clash; returns a reason when it cannot.
    /// </summary>
    public async Task<string?> AdvanceBaseAsync(string oldSha, string newSha,
        CancellationToken cancellationToken)
    {
        var head = await Git.TryAsync(["symbolic-ref", "-q", "HEAD"],
            cancellationToken).ConfigureAwait(false);
        if (head.ExitCode == 0 && head.Text == BaseRef)
        {
            var current = await HeadOfAsync(BaseRef, cancellationToken).ConfigureAwait(false);
            if (current != oldSha)
            {
                return "The base branch moved meanwhile; try again.";
            }

            var reset = await Git.TryAsync(["reset", "-q", "--keep", newSha], cancellationToken)
                .ConfigureAwait(false);
            return reset.ExitCode == 0
                ? null
                : "The working tree has local changes to the files the merge updates; commit or undo them.";
        }

        var update = await Git.TryAsync(["update-ref", "-m", "k8s-access: merge", BaseRef, newSha, oldSha],
            cancellationToken).ConfigureAwait(false);
        return update.ExitCode == 0 ? null : "The base branch moved meanwhile; try again.";
    }

    private async Task<bool> IsAncestorAsync(string ancestor, string descendant,
        CancellationToken cancellationToken)
    {
        var result = await Git.TryAsync(["merge-base", "--is-ancestor", ancestor, descendant],
            cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new RbacRepositoryException($"git merge-base failed: {result.Error.Trim()}"),
        };
    }

    // Git 2.38 and later merge two commits into a tree without a working tree; exit 1 = conflicts.
    private async Task<string?> MergedTreeAsync(string baseSha, string headSha,
        CancellationToken cancellationToken)
    {
        var result = await Git.TryAsync(["merge-tree", "--write-tree", "--no-messages", baseSha, headSha],
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.Text.Split('\n')[0].Trim(),
            1 => null,
            _ => throw new RbacRepositoryException(
                $"git merge-tree failed (Git 2.38 or later is needed): {result.Error.Trim()}"),
        };
    }

    /// <summary>
    /// Two requests that each appended to the same file conflict in a three-way merge, though
    /// neither changed a byte of the other's. When every file the branch changed is a pure
    /// append (or a new file the base does not have), and the base only appended to it too, the
    /// branch's addition goes after the base's current end. Anything else stays a conflict (null).
    /// </summary>
    private async Task<string?> AppendedTreeAsync(string baseSha, string headSha,
        CancellationToken cancellationToken)
    {
        var fork = await Git.TryAsync(["merge-base", baseSha, headSha],
            cancellationToken).ConfigureAwait(false);
        if (fork.ExitCode != 0)
        {
            return null;
        }

        var diff = await Git.RunAsync(["diff", "--name-status", "-z", "--no-renames", fork.Text, headSha],
            cancellationToken).ConfigureAwait(false);
        var fields = Encoding.UTF8.GetString(diff.Output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var path = fields[i + 1];
            var before = await ShowAsync(fork.Text, path, cancellationToken).ConfigureAwait(false);
            var after = await ShowAsync(headSha, path, cancellationToken).ConfigureAwait(false);
            var now = await ShowAsync(baseSha, path, cancellationToken).ConfigureAwait(false);
            var merged = AppendMerge(path, before, after, now);
            if (merged is null)
            {
                return null;
            }

            files[path] = merged;
        }

        return await WriteTreeAsync(baseSha, files.Select(file => (file.Key, file.Value, "100644")),
            cancellationToken).ConfigureAwait(false);
    }

    // The base commit's tree with the files written over it, through an index of its own so
    // the working tree and its index are never touched.
    private async Task<string> WriteTreeAsync(string baseSha,
        IEnumerable<(string Path, string Text, string Mode)> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Git.StateDir);
        var index = Path.Combine(Git.StateDir, $"index-{Guid.NewGuid():N}");
        try
        {
            await Git.RunAsync(["read-tree", baseSha], cancellationToken, indexFile: index)
                .ConfigureAwait(false);
            foreach (var (path, text, mode) in files)
            {
                if (!IsWritablePath(path))
                {
                    throw new RbacRepositoryException($"Will not write {path}: not a plain repository path.");
                }

                var blob = await Git.RunAsync(["hash-object", "-w", "--no-filters", "--stdin"],
                    cancellationToken, StrictUtf8.GetBytes(text)).ConfigureAwait(false);
                await Git.RunAsync(["update-index", "--add", "--cacheinfo", $"{mode},{blob.Text},{path}"],
                    cancellationToken, indexFile: index).ConfigureAwait(false);
            }

            var tree = await Git.RunAsync(["write-tree"], cancellationToken, indexFile: index)
                .ConfigureAwait(false);
            return tree.Text;
        }
        finally
        {
            File.Delete(index);
        }
    }

    // The file after both appends, or null when either side did more than append.
    private static string? AppendMerge(string path, string? before, string? after, string? now)
    {
        if (after is null || now is null && before is not null)
        {
            return null;
        }

        if (before is null)
        {
            return now is null || now == after ? after : null;
        }

        if (!after.StartsWith(before, StringComparison.Ordinal) || !now!.StartsWith(before,
            StringComparison.Ordinal)
            || !IsWritablePath(path))
        {
            return null;
        }

        var addition = after[before.Length..];
        if (now.EndsWith(addition, StringComparison.Ordinal))
        {
            return now;
        }

        var joined = now.Length == 0 || now.EndsWith('\n') || addition.StartsWith('\n')
            || addition.StartsWith("\r\n", StringComparison.Ordinal);
        var merged = now + (joined ? "" : "\n") + addition;
        if (!RepositoryPaths.IsManifestFile(path))
        {
            return merged;
        }

        // The result must still read as YAML holding both sides' objects.
        var read = RepositoryFile.Read(path, merged, null);
        var expected = RepositoryFile.Read(path, now, null).Objects.Count
            + RepositoryFile.Read(path, after, null).Objects.Count - RepositoryFile.Read(path, before,
                null).Objects.Count;
        return read.Error is null && read.Objects.Count == expected ? merged : null;
    }

    private async Task<string?> ShowAsync(string commit, string path, CancellationToken cancellationToken)
    {
        var size = await Git.TryAsync(["cat-file", "-s", $"{commit}:{path}"],
            cancellationToken).ConfigureAwait(false);
        if (size.ExitCode != 0)
        {
            return null;
        }

        if (!long.TryParse(size.Text, out var bytes) || bytes > RepositoryFile.MaxLength)
        {
            throw new RbacRepositoryException($"{path} is too large to merge here.");
        }

        var blob = await Git.TryAsync(["cat-file", "blob", $"{commit}:{path}"], cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return blob.ExitCode == 0 ? StrictUtf8.GetString(blob.Output) : null;
        }
        catch (DecoderFallbackException)
        {
            throw new RbacRepositoryException($"{path} is not UTF-8 text; merge it by hand.");
        }
    }

    private async Task<string?> ReadBlobAsync(string sha, CancellationToken cancellationToken)
    {
        var blob = await Git.RunAsync(["cat-file", "blob", sha], cancellationToken).ConfigureAwait(false);
        try
        {
            return StrictUtf8.GetString(blob.Output);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // "<mode> <type> <sha> <size>\t<path>", size padded with spaces.
    private static (string Mode, string Type, string Sha, long Size, string Path) ParseTreeEntry(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        var fields = line[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var size = long.TryParse(fields[3], out var bytes) ? bytes : long.MaxValue;
        return (fields[0], fields[1], fields[2], size, line[(tab + 1)..]);
    }

    // Never into Git's own folder, never out of the repository.
    private static bool IsWritablePath(string path) =>
        RepositoryPaths.IsSafeRelative(path)
        && !path.Split('/').Any(segment => segment.Equals(".git", StringComparison.OrdinalIgnoreCase));

    private static void CopyFolder(string from, string to)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Device,
        };
        foreach (var file in Directory.EnumerateFiles(from, "*", options))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from, "*", options))
        {
            var name = Path.GetFileName(folder);
            if (name.Equals(".git", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var target = Path.Combine(to, name);
            Directory.CreateDirectory(target);
            CopyFolder(folder, target);
        }
    }
}
