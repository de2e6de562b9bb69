using BenchmarkDotNet.Attributes;

namespace Ordering.Sdk.Benchmarks;

// Money is on every hot path; summing a bill must cost no more than summing longs, and allocate nothing.
[MemoryDiagnoser]
public class MoneyBenchmark
{
    private readonly long[] _fen = Enumerable.Range(1, 100).Select(i => (long)i * 1990).ToArray();
    private readonly decimal[] _yuan = Enumerable.Range(1, 100).Select(i => i * 19.90m).ToArray();

    [Benchmark(Baseline = true)]
    public decimal SumDecimalYuan()
    {
        var total = 0m;
        foreach (var y in _yuan)
        {
            total += y;
        }

        return total;
    }

    [Benchmark]
    public Money SumMoney()
    {
        var total = Money.Fen(0);
        foreach (var f in _fen)
        {
            total += Money.Fen(f);
        }

        return total;
    }
}
