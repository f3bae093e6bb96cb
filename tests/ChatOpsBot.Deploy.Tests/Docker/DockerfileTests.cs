using System.Text.RegularExpressions;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Docker;

/// <summary>The repository's Dockerfile: what it builds on, what it runs as, what it leaves out.</summary>
public sealed partial class DockerfileTests
{
    private readonly DockerfileDocument _dockerfile = DockerfileDocument.Parse(Repository.Read("Dockerfile"));

    [Fact]
    public void BuildsWithTheSdkAndRunsOnTheAspNetCoreRuntime()
    {
        Assert.True(_dockerfile.Stages.Count >= 2, "a multi-stage build: the SDK stays out of the image");
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile.Final.BaseImage);
        Assert.Contains(
            _dockerfile.Stages.SkipLast(1), stage => stage.BaseImage == "mcr.microsoft.com/dotnet/sdk:10.0");
    }

    [Fact]
    public void PublishesTheBotInReleaseAndTheImageTakesExactlyThatOutput()
    {
        var publish = Assert.Single(
            _dockerfile.Stages.SkipLast(1).SelectMany(stage => stage.All("RUN")),
            step => step.Words.Take(2).SequenceEqual(["dotnet", "publish"]));
        var words = publish.Words;
        Assert.StartsWith("src/ChatOpsBot", words[2], StringComparison.Ordinal);
        Assert.Equal("Release", ValueAfter(words, "-c", "--configuration"));
        var output = ValueAfter(words, "-o", "--output");

        var copy = Assert.Single(_dockerfile.Final.All("COPY"), step => step.Flag("from") is not null);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", _dockerfile.Stage(copy.Flag("from")!).BaseImage);
        Assert.Equal(output, copy.Words[0]);
    }

    [Fact]
    public void RunsAsANumericNonRootUserWithTheDllAsEntryPoint()
    {
        var user = Assert.IsType<DockerInstruction>(_dockerfile.Final.Last("USER")).Words.Single();
        var uid = user.Split(':')[0];
        Assert.True(int.TryParse(uid, out var number) && number > 0,
            $"USER {user}: a numeric, non-zero user lets Kubernetes verify runAsNonRoot");

        var entryPoint = Assert.IsType<DockerInstruction>(_dockerfile.Final.Last("ENTRYPOINT"));
        Assert.True(entryPoint.IsExecForm, "exec form: the app is PID 1 and receives SIGTERM itself");
        Assert.Equal(["dotnet", "ChatOpsBot.dll"], entryPoint.Words);
        Assert.Equal(["serve"], Assert.IsType<DockerInstruction>(_dockerfile.Final.Last("CMD")).Words);
    }

    [Fact]
    public void ListensOnTheExposedPortAndDeclaresTheDataVolume()
    {
        var port = Assert.Contains("ASPNETCORE_HTTP_PORTS", _dockerfile.Final.Environment());
        Assert.Equal([port], Assert.IsType<DockerInstruction>(_dockerfile.Final.Last("EXPOSE")).Words);
        Assert.Contains("/data", Assert.IsType<DockerInstruction>(_dockerfile.Final.Last("VOLUME")).Words);
    }

    [Fact]
    public void HasNoHealthCheckBecauseKubernetesProbesTheBot()
    {
        Assert.DoesNotContain(_dockerfile.AllInstructions, step => step.Keyword == "HEALTHCHECK");
    }

    [Fact]
    public void BakesInNoSecretAndCopiesNoConfiguration()
    {
        foreach (var step in _dockerfile.AllInstructions.Where(step => step.Keyword is "ENV" or "ARG"))
        {
            foreach (var (name, value) in step.Pairs())
            {
                Assert.False(
                    SecretName().IsMatch(name), $"line {step.Line}: {name} looks like a secret setting");
                Assert.False(SecretValue().IsMatch(value), $"line {step.Line}: {name} holds a token");
            }
        }

        var copied = _dockerfile.AllInstructions
            .Where(step => step.Keyword is "COPY" or "ADD" && step.Flag("from") is null)
            .SelectMany(step => step.Words.SkipLast(1));
        Assert.DoesNotContain(copied, source =>
            source.Contains("appsettings", StringComparison.OrdinalIgnoreCase)
            || source.StartsWith("deploy", StringComparison.Ordinal)
            || source is "." or "./");
    }

    private static string ValueAfter(IReadOnlyList<string> words, params string[] options)
    {
        var index = words.ToList().FindIndex(word => options.Contains(word));
        Assert.True(index >= 0 && index + 1 < words.Count, $"dotnet publish has no {options[0]}");
        return words[index + 1];
    }

    [GeneratedRegex(
        "secret|token|password|apikey|api_key", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex SecretName();

    [GeneratedRegex("xox[abposr]-|xapp-|ghp_|github_pat_|AKIA[0-9A-Z]{16}", RegexOptions.NonBacktracking)]
    private static partial Regex SecretValue();
}
