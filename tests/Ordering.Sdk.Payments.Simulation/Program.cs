using System.Diagnostics;
using System.Globalization;
using Ordering.Sdk.Testing;

// Deterministic payment simulation.
//   dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --seeds 10000 [--first 1]
//   dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --seed 42      (replays one seed with a trace)
// Over real loopback HTTP, with the real WeChat Pay and Alipay adapters against the sandboxes:
//   dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --http --seeds 200 [--first 1] [--parallel 2]
//   dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --http --seed 42
ulong? single = null;
ulong first = 1;
int? seeds = null;
int? parallel = null;
var http = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--http":
            http = true;
            break;
        case "--seed" when i + 1 < args.Length:
            single = ulong.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seeds" when i + 1 < args.Length:
            seeds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--first" when i + 1 < args.Length:
            first = ulong.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--parallel" when i + 1 < args.Length:
            parallel = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine("usage: [--http] --seeds N [--first S] [--parallel P] | [--http] --seed S");
            return 2;
    }
}

return http ? await RunHttpAsync() : RunInProcess();

int RunInProcess()
{
    if (single is { } seed)
    {
        var report = PaymentSimulation.RunSeed(seed, Console.Out);
        Console.WriteLine(report);
        foreach (var violation in report.Violations)
        {
            Console.WriteLine("VIOLATION " + violation.Invariant);
        }

        return report.Violations.Count == 0 ? 0 : 1;
    }

    var clock = Stopwatch.StartNew();
    var all = PaymentSimulation.Run(first, seeds ?? 1000, parallel);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{all} elapsed={clock.Elapsed.TotalSeconds:F1}s"));
    foreach (var violation in all.Violations.Take(20))
    {
        Console.WriteLine(violation);
    }

    return all.Violations.Count == 0 ? 0 : 1;
}

async Task<int> RunHttpAsync()
{
    if (single is { } seed)
    {
        var report = await HttpPaymentSimulation.RunSeedAsync(seed, Console.Out);
        Console.WriteLine(report);
        foreach (var (kind, count) in report.InjectedFaults.Where(f => f.Value > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind} x{count}"));
        }

        foreach (var violation in report.Violations)
        {
            Console.WriteLine("VIOLATION " + violation.Invariant);
        }

        return report.Violations.Count == 0 ? 0 : 1;
    }

    var clock = Stopwatch.StartNew();
    var all = await HttpPaymentSimulation.RunAsync(first, seeds ?? 50, parallel);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{all} elapsed={clock.Elapsed.TotalSeconds:F1}s"));
    foreach (var (kind, count) in all.InjectedFaults)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind} x{count}"));
    }

    foreach (var violation in all.Violations.Take(20))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {violation.Seed}: {violation.Invariant} (replay: {HttpSimulationReport.ReplayCommand(violation.Seed)})"));
    }

    return all.Violations.Count == 0 ? 0 : 1;
}
