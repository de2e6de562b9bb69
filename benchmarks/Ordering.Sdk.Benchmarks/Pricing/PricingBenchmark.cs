using BenchmarkDotNet.Attributes;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Benchmarks.Pricing;

// Pricing runs on every tap of a diner's phone and every refresh of the cashier screen: the engine must
// be far faster than the obvious LINQ + decimal version and allocate nothing after warm-up.
// Run: dotnet run -c Release --project benchmarks/Ordering.Sdk.Benchmarks -- --job short --filter '*Pricing*'
[MemoryDiagnoser]
public class PricingBenchmark
{
    private PricingEngine _engine = null!;
    private NaivePricer _naive = null!;
    private PricingRequest _request = null!;
    private readonly PricingResult _result = new();

    [Params(5, 20, 100)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var menu = PricingBenchmarkData.Menu();
        _engine = Ordering.Sdk.Pricing.PricingEngine.Create(MenuCatalog.Create(menu), PricingBenchmarkData.Policy());
        _naive = new NaivePricer(menu);
        _request = PricingBenchmarkData.Order(Lines);
        if (!_engine.Price(_request, _result))
        {
            throw new InvalidOperationException(string.Join("; ", _result.Errors));
        }

        Console.WriteLine($"// {Lines} lines: engine amount due {_result.Totals.AmountDue} fen, naive {_naive.Price(_request).AmountDue} yuan");
    }

    [Benchmark(Baseline = true)]
    public decimal NaiveLinqDecimal() => _naive.Price(_request).AmountDue;

    [Benchmark]
    public long PricingEngine()
    {
        _engine.Price(_request, _result);
        return _result.Totals.AmountDue;
    }
}
