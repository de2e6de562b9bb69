using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Storage.Sqlite;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Benchmarks.Orders;

// Durable appends per second with 1, 16 and 200 concurrent appenders, each on its own order, against a SQLite
// file in a temp directory (WAL, synchronous=FULL). Every invocation writes exactly Total appends, split evenly
// between the appenders, so Mean is the time of one acknowledged append and 1 / Mean is appends per second.
// "store append" calls IOrderStore.AppendAsync directly; "AddItems command" runs the whole order command
// (idempotency lookup, history load, pricing, append) as a diner's add-to-cart does.
// Run in-process (no extra build) with the Monitoring strategy: each iteration is one invocation of Total appends.
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class OrderStoreThroughputBenchmark
{
    private const int Total = 400;

    // A diner's order is short: every appender starts a new order after this many writes, so replaying and
    // re-pricing a history never dominates the measurement.
    private const int WritesPerOrder = 10;
    private readonly string _directory = Directory.CreateTempSubdirectory("ordering-throughput-").FullName;
    private SqliteOrderStore _store = null!;
    private IOrderService _orders = null!;
    private int _round;
    private long _commits;
    private long _committedWrites;

    /// <summary>Gets or sets how many appenders run at once, each on its own orders.</summary>
    [Params(1, 16, 200)]
    public int Appenders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Counting commits shows what the timings on a shared disk cannot show steadily: how many writes share one fsync.
        var hooks = new GroupCommitHooks
        {
            Committed = writes =>
            {
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _committedWrites, writes);
            },
        };
        _store = SqliteOrderStore.OpenAsync(Path.Combine(_directory, "orders.db"), SqliteGroupCommitWriter.DefaultMaxBatchSize, hooks).AsTask().GetAwaiter().GetResult();
        _orders = OrderServiceFactory.Create(_store, PricingEngine.Create(SampleMenu.Catalog(), new PricingPolicy()), new OrdersOptions());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// commits: {Appenders} appenders: {_committedWrites} writes in {_commits} transactions ({(double)_committedWrites / Math.Max(1, _commits):F1} writes per fsync)"));
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Total, Description = "store append")]
    public Task StoreAppend() => RunAsync(StoreAppendAsync);

    [Benchmark(OperationsPerInvoke = Total, Description = "order command (open / add items)")]
    public Task OrderCommand() => RunAsync(CommandAsync);

    private Task RunAsync(Func<string, long, string, Task<long>> write)
    {
        var round = Interlocked.Increment(ref _round).ToString(CultureInfo.InvariantCulture);
        var each = Total / Appenders;
        var appenders = new Task[Appenders];
        for (var a = 0; a < Appenders; a++)
        {
            var prefix = "r" + round + "a" + a.ToString(CultureInfo.InvariantCulture);
            appenders[a] = Task.Run(async () =>
            {
                var orderId = string.Empty;
                var version = 0L;
                for (var i = 0; i < each; i++)
                {
                    if (i % WritesPerOrder == 0)
                    {
                        orderId = prefix + "o" + i.ToString(CultureInfo.InvariantCulture);
                        version = 0;
                    }

                    version = await write(orderId, version, orderId + "-" + i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(appenders);
    }

    private async Task<long> StoreAppendAsync(string orderId, long version, string requestId)
    {
        var next = version + 1;
        var added = new ItemsAdded
        {
            OrderId = orderId,
            Version = next,
            RequestId = requestId,
            OccurredAt = DateTimeOffset.UnixEpoch,
            Round = 1,
            Disposition = LineDisposition.Fire,
            Lines = [new AddedLine("L" + next.ToString(CultureInfo.InvariantCulture), new OrderItemRequest(SampleMenu.Rice, 1))],
        };
        var record = new IdempotencyRecord(requestId, orderId, nameof(AddItems), OrderCommandStatus.Accepted, null, next, next);
        var result = await _store.AppendAsync(new OrderAppend([new StreamAppend(orderId, version, [added])], record, [])).ConfigureAwait(false);
        return result.Succeeded ? next : throw new InvalidOperationException($"append {requestId} was refused: {result}");
    }

    private async Task<long> CommandAsync(string orderId, long version, string requestId)
    {
        OrderCommand command = version == 0
            ? new OpenOrder { OrderId = orderId, RequestId = requestId, ExpectedVersion = 0, Type = OrderType.Takeaway }
            : new AddItems { OrderId = orderId, RequestId = requestId, ExpectedVersion = version, Items = [new OrderItemRequest(SampleMenu.Rice, 1)] };
        var result = await _orders.ExecuteAsync(command).ConfigureAwait(false);
        return result.Status == OrderCommandStatus.Accepted
            ? result.Order!.Version
            : throw new InvalidOperationException($"command {requestId} was {result.Status}: {result.Error}");
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() =>
            AddJob(Job.Dry
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("InProcessMonitoring"));
    }
}
