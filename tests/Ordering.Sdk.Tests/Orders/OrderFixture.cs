using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Tests.Orders;

// One store with tables T1..T12, a small menu and a fake clock; helpers build commands with fresh request ids.
internal sealed class OrderFixture
{
    public static readonly Dictionary<string, long> Menu = new(StringComparer.Ordinal)
    {
        ["mapo-tofu"] = 3800,
        ["rice"] = 300,
        ["fish"] = 12800,
        ["tea"] = 1000,
    };

    private int _requests;

    public OrderFixture(IOrderStore? store = null, IReadOnlyDictionary<string, long>? prices = null)
    {
        Store = store ?? new InMemoryOrderStore();
        var options = new OrdersOptions();
        for (var t = 1; t <= 12; t++)
        {
            options.Tables.Add("T" + t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Service = new OrderService(Store, new FixedPriceOrderPricer(prices ?? Menu), options, new OrderingSdkOptions(), Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 4, 30, 0, TimeSpan.Zero));

    public IOrderStore Store { get; }

    public OrderService Service { get; }

    public string NextRequest() => "req-" + Interlocked.Increment(ref _requests).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<OrderView> OpenTableAsync(string orderId, string table, int diners = 2)
    {
        var result = await Service.ExecuteAsync(new OpenOrder { OrderId = orderId, RequestId = NextRequest(), ExpectedVersion = 0, Type = OrderType.DineIn, TableId = table, DinerCount = diners });
        Assert.Equal(OrderCommandStatus.Accepted, result.Status);
        return result.Order!;
    }

    public async Task<OrderView> AddAsync(OrderView order, LineDisposition disposition, params (string Sku, int Quantity)[] items)
    {
        var result = await Service.ExecuteAsync(new AddItems
        {
            OrderId = order.OrderId,
            RequestId = NextRequest(),
            ExpectedVersion = order.Version,
            Disposition = disposition,
            Items = items.Select(i => new OrderItemRequest(i.Sku, i.Quantity)).ToArray(),
        });
        Assert.True(result.Status == OrderCommandStatus.Accepted, result.Error?.MessageEn);
        return result.Order!;
    }

    public async Task<OrderCommandResult> RunAsync(OrderCommand command) => await Service.ExecuteAsync(command);
}
