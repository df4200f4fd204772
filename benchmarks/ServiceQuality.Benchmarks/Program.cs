using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// BenchmarkSwitcher keeps the standard command line: --filter, --job, --exporters, --list and the rest.
// Ratios are shown as a trend ("70.12x faster") so that large speed-ups stay readable.
var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
