using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Storage.Sqlite;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Benchmarks.Orders;

// Commands per second: one takeaway order placed, given a batch of three dishes and settled (three commands),
// against the durable SQLite store (WAL, synchronous=FULL: one fsync per command) and against memory, and the
// cost of the re-pricing every change pays.
[MemoryDiagnoser]
public class OrderCommandBenchmark
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ordering-bench-").FullName;
    private SqliteOrderStore _sqlite = null!;
    private IOrderService _durable = null!;
    private IOrderService _memory = null!;
    private OrderState _tenLines = null!;
    private EngineOrderPricer _pricer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var engine = PricingEngine.Create(SampleMenu.Catalog(), new PricingPolicy());
        _sqlite = SqliteOrderStore.OpenAsync(Path.Combine(_directory, "orders.db")).AsTask().GetAwaiter().GetResult();
        _durable = OrderServiceFactory.Create(_sqlite, engine, new OrdersOptions());
        _memory = OrderServiceFactory.Create(new InMemoryOrderStore(), engine, new OrdersOptions());
        _pricer = new EngineOrderPricer(engine, TimeProvider.System, Currency.Cny);
        _tenLines = new OrderState("bench");
        _tenLines.Apply(new OrderOpened { OrderId = "bench", Version = 1, StoreId = "s", Type = OrderType.DineIn, DinerCount = 4, OrderNumber = 1 });
        _tenLines.Apply(new ItemsAdded
        {
            OrderId = "bench",
            Version = 2,
            Round = 1,
            Disposition = LineDisposition.Fire,
            Lines = Enumerable.Range(1, 10).Select(i => new AddedLine("L" + i.ToString(CultureInfo.InvariantCulture), i % 2 == 0 ? new OrderItemRequest(SampleMenu.KungPao, 1) { Modifiers = [new(SampleMenu.Mild), new(SampleMenu.Egg)] } : new OrderItemRequest(SampleMenu.Rice, 2))).ToArray(),
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "place+add+settle, in memory")]
    public Task<long> ThreeCommands_InMemory() => PlaceAddSettleAsync(_memory);

    [Benchmark(Description = "place+add+settle, SQLite (FULL)")]
    public Task<long> ThreeCommands_Sqlite() => PlaceAddSettleAsync(_durable);

    [Benchmark(Description = "re-price a 10-line order")]
    public long Reprice_TenLines() => _pricer.Price(_tenLines).Pricing!.AmountDue.MinorUnits;

    private async Task<long> PlaceAddSettleAsync(IOrderService orders)
    {
        var id = "b" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        await orders.ExecuteAsync(new OpenOrder { OrderId = id, RequestId = id + "-1", ExpectedVersion = 0, Type = OrderType.Takeaway });
        var added = await orders.ExecuteAsync(new AddItems
        {
            OrderId = id,
            RequestId = id + "-2",
            ExpectedVersion = 1,
            Items = [new OrderItemRequest(SampleMenu.KungPao, 1) { Modifiers = [new(SampleMenu.Mild)] }, new OrderItemRequest(SampleMenu.Rice, 2), new OrderItemRequest(SampleMenu.Beer, 1)],
        });
        var settled = await orders.ExecuteAsync(new SettleOrder { OrderId = id, RequestId = id + "-3", ExpectedVersion = 2, AmountPaid = added.Order!.AmountDue.MinorUnits, PaymentReference = "p" });
        return settled.Order!.Version;
    }
}
