using System.Diagnostics;
using System.Globalization;
using Ordering.Sdk.Testing;

// Deterministic payment simulation.
//   dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --seeds 10000 [--first 1]
//   dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --seed 42      (replays one seed with a trace)
ulong? single = null;
ulong first = 1;
var seeds = 1000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seed" when i + 1 < args.Length:
            single = ulong.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seeds" when i + 1 < args.Length:
            seeds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--first" when i + 1 < args.Length:
            first = ulong.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine("usage: --seeds N [--first S] | --seed S");
            return 2;
    }
}

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
var all = PaymentSimulation.Run(first, seeds);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{all} elapsed={clock.Elapsed.TotalSeconds:F1}s"));
foreach (var violation in all.Violations.Take(20))
{
    Console.WriteLine(violation);
}

return all.Violations.Count == 0 ? 0 : 1;
