namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>The Dockerfile reader the image tests rely on.</summary>
public sealed class DockerfileDocumentTests
{
    private const string Sample = """
        # syntax=docker/dockerfile:1
        ARG VERSION=1
        FROM example/sdk:1 AS build
        WORKDIR /src
        # a comment inside the stage
        RUN --mount=type=cache,target=/cache \
            # a comment inside the continuation
            dotnet publish app -c Release \
              -o /out
        FROM example/runtime:1
        ENV A=1 B="two words"
        ENV OLD style value
        COPY --from=build /out .
        ENTRYPOINT ["dotnet", "app.dll"]
        """;

    [Fact]
    public void ReadsStagesAndJoinsContinuationLines()
    {
        var dockerfile = DockerfileDocument.Parse(Sample);

        Assert.Equal("ARG", Assert.Single(dockerfile.GlobalInstructions).Keyword);
        Assert.Equal(
            ["example/sdk:1", "example/runtime:1"], dockerfile.Stages.Select(stage => stage.BaseImage));
        Assert.Same(dockerfile.Stages[0], dockerfile.Stage("build"));
        var run = Assert.Single(dockerfile.Stage("build").All("RUN"));
        Assert.Equal(6, run.Line);
        Assert.Equal("type=cache,target=/cache", run.Flag("mount"));
        Assert.Equal(["dotnet", "publish", "app", "-c", "Release", "-o", "/out"], run.Words);
    }

    [Fact]
    public void ReadsEnvironmentInBothFormsAndExecFormArrays()
    {
        var final = DockerfileDocument.Parse(Sample).Final;

        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "1", ["B"] = "two words", ["OLD"] = "style value" },
            final.Environment());
        Assert.Equal("build", Assert.Single(final.All("COPY")).Flag("from"));
        var entryPoint = Assert.IsType<DockerInstruction>(final.Last("ENTRYPOINT"));
        Assert.True(entryPoint.IsExecForm);
        Assert.Equal(["dotnet", "app.dll"], entryPoint.Words);
    }

    [Theory]
    [InlineData("dotnet restore && dotnet publish")]
    [InlineData("dotnet publish -o $OUT")]
    [InlineData("dotnet publish > log")]
    [InlineData("dotnet publish src/*")]
    public void ShellSyntaxIsRefusedRatherThanRunWithoutAShell(string command)
    {
        var run = Assert.Single(DockerfileDocument.Parse($"FROM x\nRUN {command}\n").Final.All("RUN"));

        Assert.Throws<NotSupportedException>(() => run.Words);
    }

    [Theory]
    [InlineData("RUN x")]
    [InlineData("FROM x\nRUN a \\")]
    [InlineData("FROM a b c d")]
    public void MalformedFilesAreRefused(string text)
    {
        Assert.Throws<FormatException>(() => DockerfileDocument.Parse(text));
    }
}
