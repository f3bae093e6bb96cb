namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>One build stage: its <c>FROM</c> and the instructions after it.</summary>
/// <param name="BaseImage">The image named by <c>FROM</c>.</param>
/// <param name="Name">The name given with <c>AS</c>, or null.</param>
/// <param name="Instructions">The instructions of the stage, <c>FROM</c> excluded.</param>
internal sealed record DockerStage(
    string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    /// <summary>The instructions with this keyword, in order.</summary>
    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword == keyword);

    /// <summary>The last instruction with this keyword (the one that counts), or null.</summary>
    public DockerInstruction? Last(string keyword) => All(keyword).LastOrDefault();

    /// <summary>The environment the stage's <c>ENV</c> instructions set, later ones winning.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in All("ENV").SelectMany(instruction => instruction.Pairs()))
        {
            environment[name] = value;
        }

        return environment;
    }
}
