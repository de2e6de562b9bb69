using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/Ordering.Sdk.Benchmarks -- --filter '*'
// Judge Ratio and Allocated against each benchmark's baseline, not absolute times (see benchmarks/README.md).
var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
