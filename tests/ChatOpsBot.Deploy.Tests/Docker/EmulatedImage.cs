namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>
/// The image a Dockerfile describes, built on this machine's file system: the final stage's
/// files under <see cref="Root"/> and the settings the container would start with.
/// </summary>
/// <param name="Root">The host folder standing for the image's <c>/</c>.</param>
/// <param name="WorkingDirectory">The container's working directory (<c>WORKDIR</c>).</param>
/// <param name="Environment">What the final stage's <c>ENV</c> instructions set.</param>
/// <param name="EntryPoint">The <c>ENTRYPOINT</c> (exec form).</param>
/// <param name="Command">The <c>CMD</c> (exec form), appended to the entry point.</param>
/// <param name="User">The <c>USER</c>, or null (root).</param>
/// <param name="SkippedSteps">Final-stage <c>RUN</c> steps not run here (they prepare the OS).</param>
internal sealed record EmulatedImage(
    string Root,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> EntryPoint,
    IReadOnlyList<string> Command,
    string? User,
    IReadOnlyList<DockerInstruction> SkippedSteps)
{
    /// <summary>The host path of a path inside the image.</summary>
    public string OnHost(string containerPath) =>
        ContainerPath.OnHost(Root, ContainerPath.Resolve(WorkingDirectory, containerPath));
}
