using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Storage.Sqlite;

namespace Ordering.Sdk.Benchmarks;

// The lunch peak inside the engine: N diners pay at once, each for their own order, through the engine with
// an instantly-succeeding channel and the SQLite journal (WAL, synchronous=FULL) in a temp directory. One
// invocation is one wave of N concurrent payments: payments/s = N / Mean. Each payment's own latency is
// recorded too and its p50/p99 printed at cleanup ("// payments: ..."), since Mean is per wave.
// In process: no generated project to build (the shared 2-core machine times such builds out), and the
// waves are long enough (milliseconds to seconds) for the in-process harness's overhead not to matter.
[MemoryDiagnoser]
[Config(typeof(WaveConfig))]
public class ConcurrentPaymentsBenchmark
{
    private readonly List<double> _latenciesMs = [];
    private string _directory = null!;
    private SqlitePaymentJournal _journal = null!;
    private IPaymentEngine _engine = null!;
    private int _wave;

    [Params(1, 16, 200)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ordering-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _journal = SqlitePaymentJournal.OpenAsync(Path.Combine(_directory, "journal.db")).AsTask().GetAwaiter().GetResult();
        _engine = new PaymentEngineBuilder()
            .AddChannel(new InstantChannel(), new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero })
            .UseJournal(_journal)
            .UseTimeProvider(TimeProvider.System)
            .UseRandom(new Random(1))
            .BuildAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void StartWave()
    {
        // The jitting and warm-up waves are measured too; only the 8 workload waves count.
        if (_wave == 3)
        {
            _latenciesMs.Clear();
        }
    }

    [Benchmark]
    public async Task PayConcurrently()
    {
        var wave = ++_wave;
        var payments = new Task<double>[Concurrency];
        for (var i = 0; i < payments.Length; i++)
        {
            payments[i] = PayOneAsync(string.Create(CultureInfo.InvariantCulture, $"W{wave}-O{i}"));
        }

        var latencies = await Task.WhenAll(payments);
        lock (_latenciesMs)
        {
            _latenciesMs.AddRange(latencies);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _latenciesMs.Sort();
        if (_latenciesMs.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// payments: concurrency={Concurrency} n={_latenciesMs.Count} p50={Percentile(0.50):F2} ms p99={Percentile(0.99):F2} ms"));
        }

        _journal.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private double Percentile(double p) => _latenciesMs[Math.Min(_latenciesMs.Count - 1, (int)Math.Ceiling(p * _latenciesMs.Count) - 1)];

    private async Task<double> PayOneAsync(string orderId)
    {
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        var attempt = await _engine.PayAsync(new TenderRequest(orderId, Money.Fen(3_800), Money.Fen(3_800), ChargeKind.CodePay, orderId + "-k") { PaymentCode = "134567890123456789" });
        if (attempt.State != PaymentState.Succeeded)
        {
            throw new InvalidOperationException($"The payment of {orderId} ended {attempt.State}.");
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private sealed class WaveConfig : ManualConfig
    {
        public WaveConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }

    // A WeChat Pay channel that answers every charge with success at once: the cost measured is the engine's.
    private sealed class InstantChannel : IPaymentChannel
    {
        public PaymentChannelId Id => PaymentChannelId.WeChatPay;

        public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ChannelResult.Success(request.Amount, "T" + request.MerchantOrderNumber));

        public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ChannelResult.NotFound());

        public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ChannelResult.Cancelled());

        public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ChannelResult.NotFound());

        public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ChannelResult.NotFound());
    }
}
