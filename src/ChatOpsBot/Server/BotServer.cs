namespace ChatOpsBot.Server;

/// <summary>The <c>serve</c> verb: the bot's web server.</summary>
internal static class BotServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
