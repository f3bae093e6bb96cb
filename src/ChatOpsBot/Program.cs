using ChatOpsBot.Cli;
using Microsoft.Extensions.Logging;

if (CommandLineApp.IsUnknownVerb(args))
{
    await Console.Error.WriteLineAsync(
        $"unknown verb {args[0]}: use serve, parse or diagnose (see --help)");
    return 2;
}

if (CommandLineApp.IsCommandLineVerb(args))
{
    // Every log line goes to standard error: standard output carries only the answer.
    using var logging = LoggerFactory.Create(builder => builder
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
        .SetMinimumLevel(LogLevel.Warning));
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, eventArgs) =>
    {
        eventArgs.Cancel = true;
        cancel.Cancel();
    };

    return await CommandLineApp.RunAsync(
        args, Console.OpenStandardInput(), Console.Out, Console.Error, logging, cancel.Token);
}

var serverArgs = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
return await ChatOpsBot.Server.BotServer.RunAsync(serverArgs);
