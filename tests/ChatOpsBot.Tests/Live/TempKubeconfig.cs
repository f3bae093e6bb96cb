namespace ChatOpsBot.Tests.Live;

/// <summary>
/// A kubeconfig file in a fresh temporary folder: two contexts, both aimed at the fake API
/// server over plain http, with a bearer token. Deleted on dispose.
/// </summary>
internal sealed class TempKubeconfig : IDisposable
{
    /// <summary>The bot's token: the tests check it is sent, and never printed.</summary>
    public const string Token = "kat-live-e2e-token-7f3a91c0b2d84e65";

    public const string CurrentContext = "fake-eks";
    public const string OtherContext = "fake-eks-readonly";

    private readonly DirectoryInfo folder;

    private TempKubeconfig(DirectoryInfo folder, string path)
    {
        this.folder = folder;
        Path = path;
    }

    public string Path { get; }

    public static TempKubeconfig For(Uri server)
    {
        var folder = Directory.CreateTempSubdirectory("kat-kubeconfig-");
        var path = System.IO.Path.Combine(folder.FullName, "config");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake-cluster
              cluster:
                server: {server.GetLeftPart(UriPartial.Authority)}
            users:
            - name: bot
              user:
                token: {Token}
            contexts:
            - name: {CurrentContext}
              context:
                cluster: fake-cluster
                user: bot
            - name: {OtherContext}
              context:
                cluster: fake-cluster
                user: bot
            current-context: {CurrentContext}
            """);
        return new TempKubeconfig(folder, path);
    }

    public void Dispose() => folder.Delete(recursive: true);
}
