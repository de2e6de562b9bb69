using System.Collections.Concurrent;
using System.Globalization;

namespace DemoRestaurant.LoadTest;

/// <summary>Collects latencies per operation and errors per kind, safely from many diners at once.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _samples = new(StringComparer.Ordinal);

    public void Latency(string operation, TimeSpan elapsed) => _latencies.GetOrAdd(operation, _ => []).Add(elapsed.TotalMilliseconds);

    public void Error(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>Counts an error and keeps the first answer seen for its kind, so a run says why, not only how often.</summary>
    public void Error(string kind, string sample)
    {
        Error(kind);
        _samples.TryAdd(kind, sample.Length > 300 ? sample[..300] + "…" : sample);
    }

    public IReadOnlyDictionary<string, string> Samples => _samples;

    public int Count(string operation) => _latencies.TryGetValue(operation, out var bag) ? bag.Count : 0;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public string Percentiles(string operation)
    {
        if (!_latencies.TryGetValue(operation, out var bag) || bag.IsEmpty)
        {
            return "— / —";
        }

        var sorted = bag.Order().ToArray();
        return Ms(At(sorted, 0.50)) + " / " + Ms(At(sorted, 0.99));
    }

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms";
}
