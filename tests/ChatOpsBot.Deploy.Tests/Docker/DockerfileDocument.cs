using System.Text;

namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>
/// A Dockerfile read into stages and instructions: comments dropped, continuation lines joined.
/// Heredocs and a changed escape character are not supported (the parse says so).
/// </summary>
internal sealed class DockerfileDocument
{
    private DockerfileDocument(IReadOnlyList<DockerInstruction> global, IReadOnlyList<DockerStage> stages)
    {
        GlobalInstructions = global;
        Stages = stages;
    }

    /// <summary>Instructions before the first <c>FROM</c> (only <c>ARG</c> is allowed there).</summary>
    public IReadOnlyList<DockerInstruction> GlobalInstructions { get; }

    /// <summary>The build stages in order; the last one is the image.</summary>
    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage that becomes the image.</summary>
    public DockerStage Final => Stages[^1];

    /// <summary>Every instruction of every stage, in order.</summary>
    public IEnumerable<DockerInstruction> AllInstructions =>
        GlobalInstructions.Concat(Stages.SelectMany(stage => stage.Instructions));

    /// <summary>The stage called <paramref name="name"/> (or with that index).</summary>
    public DockerStage Stage(string name) =>
        Stages.FirstOrDefault(stage => string.Equals(stage.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? (int.TryParse(name, out var index) && index >= 0 && index < Stages.Count
            ? Stages[index]
            : throw new KeyNotFoundException($"the Dockerfile has no stage called {name}"));

    /// <summary>Reads a Dockerfile's text.</summary>
    /// <exception cref="FormatException">The text is not a Dockerfile this reader understands.</exception>
    public static DockerfileDocument Parse(string text)
    {
        var global = new List<DockerInstruction>();
        var stages = new List<(string Image, string? Name, List<DockerInstruction> Body)>();
        foreach (var instruction in ReadInstructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                var (image, name) = ReadFrom(instruction);
                stages.Add((image, name, []));
            }
            else if (stages.Count == 0)
            {
                global.Add(instruction.Keyword == "ARG"
                    ? instruction
                    : throw new FormatException(
                        $"line {instruction.Line}: {instruction.Keyword} before FROM"));
            }
            else
            {
                stages[^1].Body.Add(instruction);
            }
        }

        if (stages.Count == 0)
        {
            throw new FormatException("the Dockerfile has no FROM");
        }

        return new DockerfileDocument(
            global, stages.Select(stage => new DockerStage(stage.Image, stage.Name, stage.Body)).ToList());
    }

    private static IEnumerable<DockerInstruction> ReadInstructions(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var current = new StringBuilder();
        var startLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("# escape=", StringComparison.OrdinalIgnoreCase) && current.Length == 0)
            {
                throw new FormatException($"line {i + 1}: a changed escape character is not supported");
            }

            // Comment lines and empty lines vanish, even inside a continued instruction.
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (current.Length == 0)
            {
                startLine = i + 1;
            }

            var continues = trimmed.EndsWith('\\');
            current.Append(continues ? line.TrimEnd()[..^1] : line);
            if (continues)
            {
                continue;
            }

            yield return ToInstruction(current.ToString(), startLine);
            current.Clear();
        }

        if (current.Length > 0)
        {
            throw new FormatException(
                $"line {startLine}: the last instruction ends with a line continuation");
        }
    }

    private static DockerInstruction ToInstruction(string text, int line)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? trimmed : trimmed[..space]).ToUpperInvariant();
        var arguments = space < 0 ? "" : trimmed[space..].Trim();
        if (arguments.Contains("<<", StringComparison.Ordinal) && keyword is "RUN" or "COPY")
        {
            throw new FormatException($"line {line}: heredocs are not supported");
        }

        return new DockerInstruction(keyword, arguments, line);
    }

    private static (string Image, string? Name) ReadFrom(DockerInstruction from)
    {
        var words = from.Words;
        return words.Count switch
        {
            1 => (words[0], null),
            3 when words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) => (words[0], words[2]),
            _ => throw new FormatException($"line {from.Line}: FROM IMAGE [AS NAME] expected"),
        };
    }
}
