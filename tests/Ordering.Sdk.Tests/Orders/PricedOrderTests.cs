using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Tests.Pricing;

namespace Ordering.Sdk.Tests.Orders;

// Orders priced by the real pricing engine: the server's price on every change, never the client's.
public sealed class PricedOrderTests
{
    private readonly IOrderService _service;

    public PricedOrderTests()
    {
        var options = new OrdersOptions();
        options.Tables.Add("T1");
        _service = OrderServiceFactory.Create(new InMemoryOrderStore(), PricingKit.Engine(), options, timeProvider: new FakeTimeProvider(PricingKit.Lunch));
    }

    [Fact]
    public async Task AddItems_PricedByTheEngineWithModifiers_AndCompIsFree()
    {
        await _service.ExecuteAsync(new OpenOrder { OrderId = "o", RequestId = "1", ExpectedVersion = 0, Type = OrderType.DineIn, TableId = "T1" });

        var added = await _service.ExecuteAsync(new AddItems
        {
            OrderId = "o",
            RequestId = "2",
            ExpectedVersion = 1,
            Items = [new OrderItemRequest("kungpao", 2) { Modifiers = [new("mild"), new("egg", 2)] }],
        });
        var comped = await _service.ExecuteAsync(new CompItem { OrderId = "o", RequestId = "3", ExpectedVersion = 2, LineId = "L1", Reason = "生日", Operator = "mgr" });

        Assert.Equal(OrderCommandStatus.Accepted, added.Status);
        Assert.Equal(2 * (3800 + 400), added.Order!.AmountDue.MinorUnits);
        Assert.Equal(added.Order.AmountDue, added.Order.LineAmounts["L1"]);
        Assert.Equal(0, comped.Order!.AmountDue.MinorUnits);
    }

    [Fact]
    public async Task SoldOutDish_RefusedWithTheLinePath_AndNothingApplied()
    {
        await _service.ExecuteAsync(new OpenOrder { OrderId = "o", RequestId = "1", ExpectedVersion = 0, Type = OrderType.DineIn, TableId = "T1" });

        var result = await _service.ExecuteAsync(new AddItems { OrderId = "o", RequestId = "2", ExpectedVersion = 1, Items = [new OrderItemRequest("duck", 1)] });

        Assert.Equal(OrderCommandStatus.Rejected, result.Status);
        Assert.Equal("sold_out", result.Error!.Code);
        Assert.StartsWith("lines[L1]", result.Error.Field, StringComparison.Ordinal);
        Assert.Equal(1, (await _service.GetAsync("o"))!.Version);
    }

    [Fact]
    public async Task AddOrderingSdkOrders_ResolvesAServiceThatUsesTheHostsEngine()
    {
        var services = new ServiceCollection()
            .AddSingleton<IPricingEngine>(PricingKit.Engine())
            .AddSingleton<TimeProvider>(new FakeTimeProvider(PricingKit.Lunch))
            .AddOrderingSdkOrders(o => o.Tables.Add("A1"));
        using var provider = services.BuildServiceProvider();
        var orders = provider.GetRequiredService<IOrderService>();

        var opened = await orders.ExecuteAsync(new OpenOrder { OrderId = "x", RequestId = "1", ExpectedVersion = 0, Type = OrderType.DineIn, TableId = "A1" });

        Assert.Equal(OrderCommandStatus.Accepted, opened.Status);
        Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddOrderingSdkOrders(o => o.MaxItemsPerBatch = 0));
    }
}
