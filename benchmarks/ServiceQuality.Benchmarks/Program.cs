using BenchmarkDotNet.Running;

// BenchmarkSwitcher keeps the standard command line: --filter, --job, --exporters, --list and the rest.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
