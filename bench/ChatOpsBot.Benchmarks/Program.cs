using BenchmarkDotNet.Running;

BenchmarkSwitcher
    .FromAssembly(typeof(ChatOpsBot.Benchmarks.DiagnosisBenchmarks).Assembly)
    .Run(args);
