using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Orders;

public sealed class SqliteOrderStoreTests : IDisposable
{
    private static readonly PricingEngine Engine = PricingEngine.Create(SampleMenu.Catalog(), new PricingPolicy());
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Commands_SurviveReopeningTheFile()
    {
        await using (var store = await SqliteOrderStore.OpenAsync(_db.FilePath))
        {
            var orders = Service(store);
            await orders.ExecuteAsync(Open("o1", "T1"));
            await orders.ExecuteAsync(Add("o1", "r2", 1, SampleMenu.Beer, 2));
            await orders.ExecuteAsync(new SettleOrder { OrderId = "o1", RequestId = "r3", ExpectedVersion = 2, AmountPaid = 2000, PaymentReference = "p" });
        }

        await using var reopened = await SqliteOrderStore.OpenAsync(_db.FilePath);
        var order = await Service(reopened).GetAsync("o1");

        Assert.Equal((OrderStatus.Settled, 3L, 2000L), (order!.Status, order.Version, order.SettledAmount!.Value.MinorUnits));
        Assert.Equal("o1", await reopened.FindTableOccupantAsync("T1"));
        Assert.Equal(3, (await reopened.ReadOutboxAsync(100)).Count);
        var replay = await Service(reopened).ExecuteAsync(Add("o1", "r2", 1, SampleMenu.Beer, 2));
        Assert.True(replay.IsReplay);
        Assert.Equal(2, replay.Events.Single().Version);
    }

    [Fact]
    public async Task Append_StaleVersionDuplicateRequestAndTakenTable_AreRefusedAtomically()
    {
        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath);
        var orders = Service(store);
        await orders.ExecuteAsync(Open("o1", "T1"));
        var e = (await store.LoadAsync("o1"))[0];
        var record = new IdempotencyRecord("x", "o1", "AddItems", OrderCommandStatus.Accepted, null, 2, 2);

        var stale = await store.AppendAsync(new OrderAppend([new StreamAppend("o1", 0, [e])], record, []));
        var duplicate = await store.AppendAsync(new OrderAppend([new StreamAppend("o1", 1, [e with { Version = 2 }])], record with { RequestId = Open("o1", "T1").RequestId }, []));
        var table = await store.AppendAsync(new OrderAppend([new StreamAppend("o2", 0, [e with { OrderId = "o2" }])], record with { RequestId = "y" }, [new TableClaim("T1", "o2")]));

        Assert.Equal("o1", stale.ConflictingOrderId);
        Assert.True(duplicate.DuplicateRequest);
        Assert.Equal("T1", table.OccupiedTableId);
        Assert.Single(await store.LoadAsync("o1"));
        Assert.Empty(await store.LoadAsync("o2"));
        Assert.Null(await store.FindRequestAsync("y"));
    }

    [Fact]
    public async Task OrderNumbers_CountPerBusinessDay()
    {
        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath);
        var day = new DateOnly(2026, 11, 24);

        var first = await store.NextOrderNumberAsync(day);
        var second = await store.NextOrderNumberAsync(day);
        var nextDay = await store.NextOrderNumberAsync(day.AddDays(1));

        Assert.Equal((1, 2, 1), (first, second, nextDay));
    }

    [Fact]
    public async Task Outbox_AcknowledgedEntriesAreNotReadAgain()
    {
        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath);
        var orders = Service(store);
        await orders.ExecuteAsync(Open("o1", "T1"));
        await orders.ExecuteAsync(Add("o1", "r2", 1, SampleMenu.Rice, 1));

        var first = await store.ReadOutboxAsync(10);
        await store.AcknowledgeOutboxAsync([first[0].Sequence]);
        var rest = await store.ReadOutboxAsync(10);

        Assert.Equal([1L, 2L], first.Select(x => x.Event.Version));
        Assert.IsType<ItemsAdded>(Assert.Single(rest).Event);
    }

    [Fact]
    public async Task Open_DatabaseFromANewerSdk_IsAClearError()
    {
        await using (var store = await SqliteOrderStore.OpenAsync(_db.FilePath))
        {
        }

        using (var raw = new SqliteConnection($"Data Source={_db.FilePath};Pooling=False"))
        {
            raw.Open();
            using var bump = raw.CreateCommand();
            bump.CommandText = "UPDATE schema_migrations SET version = 99 WHERE component = 'orders';";
            bump.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<SqliteSchemaTooNewException>(async () => await SqliteOrderStore.OpenAsync(_db.FilePath));
        Assert.Equal((99, 1), (ex.FoundVersion, ex.SupportedVersion));
    }

    [Fact]
    public async Task TwoConnections_ConcurrentDiners_NoLostUpdateAndEachRequestOnce()
    {
        await using var a = await SqliteOrderStore.OpenAsync(_db.FilePath);
        await using var b = await SqliteOrderStore.OpenAsync(_db.FilePath);
        await Service(a).ExecuteAsync(Open("o", "T12"));
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        var diners = Enumerable.Range(0, 4).Select(d => Task.Run(async () =>
        {
            var orders = Service(d % 2 == 0 ? a : b);
            var random = new Random(d);
            for (var r = 0; r < 10; r++)
            {
                var quantity = random.Next(1, 4);
                while (true)
                {
                    var version = (await orders.GetAsync("o"))!.Version;
                    var command = Add("o", $"d{d}-{r}", version, SampleMenu.Rice, quantity);
                    var result = await orders.ExecuteAsync(command);
                    if (random.Next(2) == 0)
                    {
                        result = await orders.ExecuteAsync(command);
                    }

                    if (result.Status == OrderCommandStatus.Accepted)
                    {
                        accepted[command.RequestId] = quantity;
                        break;
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(diners);

        var history = await a.LoadAsync("o");
        Assert.Equal(41, history.Count);
        Assert.Equal(40, history.OfType<ItemsAdded>().Select(e => e.RequestId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(accepted.Values.Sum() * 300L, (await Service(b).GetAsync("o"))!.AmountDue.MinorUnits);
    }

    private static OpenOrder Open(string orderId, string table) =>
        new() { OrderId = orderId, RequestId = "open-" + orderId, ExpectedVersion = 0, Type = OrderType.DineIn, TableId = table, DinerCount = 2 };

    private static AddItems Add(string orderId, string requestId, long version, string sku, int quantity) =>
        new() { OrderId = orderId, RequestId = requestId, ExpectedVersion = version, Items = [new OrderItemRequest(sku, quantity)] };

    private IOrderService Service(IOrderStore store)
    {
        var options = new OrdersOptions();
        options.Tables.Add("T1");
        options.Tables.Add("T12");
        return OrderServiceFactory.Create(store, Engine, options, timeProvider: _clock);
    }
}
