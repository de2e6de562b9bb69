using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Kitchen;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Tests.Catalog;
using Ordering.Sdk.Tests.Orders;

namespace Ordering.Sdk.Tests.Kitchen;

public sealed class KitchenRelayTests
{
    private static readonly Dictionary<string, long> Prices = new(StringComparer.Ordinal) { ["kungpao"] = 3800, ["beer"] = 1000, ["fish-s"] = 5800 };
    private readonly OrderFixture _f = new(prices: Prices);
    private readonly KitchenRouter _router;

    public KitchenRelayTests()
    {
        var options = new KitchenRoutingOptions { DefaultStationId = "hot" };
        options.StationByCategory["drinks"] = "bar";
        _router = new KitchenRouter(TestMenu.Catalog(), options);
    }

    [Fact]
    public async Task RelayPending_DeliversEachStationTicketOnce_AndAcknowledgesEveryEvent()
    {
        var sink = new RecordingSink();
        using var relay = new KitchenRelay(_f.Store, _router, [sink]);
        var order = await _f.OpenTableAsync("o1", "T1");
        await _f.AddAsync(order, LineDisposition.Fire, ("kungpao", 1), ("beer", 2));

        var first = await relay.RelayPendingAsync();
        var second = await relay.RelayPendingAsync();

        Assert.Equal(new KitchenRelayProgress(2, 2), first);
        Assert.Equal(default, second);
        Assert.Equal(["o1/bar/2", "o1/hot/2"], sink.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await _f.Store.ReadOutboxAsync(10));
    }

    [Fact]
    public async Task FailingSink_KeepsTheEventOnTheOutbox_AndTheNextCallDeliversIt_InOrder()
    {
        var sink = new RecordingSink { FailuresLeft = 1 };
        using var relay = new KitchenRelay(_f.Store, _router, [sink]);
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("kungpao", 1));
        await _f.AddAsync(order, LineDisposition.Fire, ("kungpao", 2));

        await Assert.ThrowsAsync<IOException>(async () => await relay.RelayPendingAsync());
        var outboxAfterFailure = await _f.Store.ReadOutboxAsync(10);
        var retried = await relay.RelayPendingAsync();

        Assert.Equal(2, outboxAfterFailure.Count);
        Assert.Equal(new KitchenRelayProgress(2, 2), retried);
        Assert.Equal(["o1/hot/2", "o1/hot/3"], sink.Keys);
    }

    [Fact]
    public async Task RelayRunConcurrently_NeverDeliversATicketTwice()
    {
        var sink = new RecordingSink();
        using var relay = new KitchenRelay(_f.Store, _router, [sink]);
        for (var table = 1; table <= 5; table++)
        {
            var order = await _f.OpenTableAsync("o" + table, "T" + table);
            await _f.AddAsync(order, LineDisposition.Fire, ("kungpao", 1));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => relay.RelayPendingAsync().AsTask()));

        Assert.Equal(5, sink.Keys.Count);
        Assert.Equal(5, sink.Keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Constructor_NoSink_RefusedWithTheParameterName()
    {
        var error = Assert.Throws<ArgumentException>(() => new KitchenRelay(_f.Store, _router, []));
        Assert.Equal("sinks", error.ParamName);
    }

    [Fact]
    public async Task AddOrderingSdkKitchen_RelayUsesTheRegisteredStoreAndSinks()
    {
        var sink = new RecordingSink();
        var services = new ServiceCollection()
            .AddSingleton(_f.Store)
            .AddSingleton<IKitchenTicketSink>(sink)
            .AddOrderingSdkKitchen(TestMenu.Catalog(), o => o.DefaultStationId = "wok");
        using var provider = services.BuildServiceProvider();
        var order = await _f.OpenTableAsync("o1", "T1");
        await _f.AddAsync(order, LineDisposition.Fire, ("kungpao", 1));

        await provider.GetRequiredService<KitchenRelay>().RelayPendingAsync();

        Assert.Equal(["o1/wok/2"], sink.Keys);
        Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddOrderingSdkKitchen(TestMenu.Catalog(), o => o.DefaultStationId = ""));
    }

    private sealed class RecordingSink : IKitchenTicketSink
    {
        public List<string> Keys { get; } = [];

        public int FailuresLeft { get; set; }

        public ValueTask DeliverAsync(KitchenTicket ticket, CancellationToken cancellationToken)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new IOException("printer buffer full");
            }

            lock (Keys)
            {
                Keys.Add(ticket.OrderId + "/" + ticket.StationId + "/" + ticket.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return ValueTask.CompletedTask;
        }
    }
}
