using ChatOpsBot.Cli;
using Microsoft.Extensions.Logging;

if (CommandLineApp.IsCommandLineVerb(args))
{
    using var logging = LoggerFactory.Create(builder => builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, eventArgs) =>
    {
        eventArgs.Cancel = true;
        cancel.Cancel();
    };

    return await CommandLineApp.RunAsync(
        args, Console.OpenStandardInput(), Console.Out, Console.Error, logging, cancel.Token);
}

return await ChatOpsBot.Server.BotServer.RunAsync(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
