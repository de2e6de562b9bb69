using Ordering.Sdk.Kitchen;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Tests.Catalog;
using Ordering.Sdk.Tests.Orders;

namespace Ordering.Sdk.Tests.Kitchen;

public sealed class KitchenRouterTests
{
    private static readonly Dictionary<string, long> Prices = new(StringComparer.Ordinal) { ["kungpao"] = 3800, ["beer"] = 1000, ["fish-s"] = 5800 };
    private readonly OrderFixture _f = new(prices: Prices);
    private readonly KitchenRouter _router;

    public KitchenRouterTests()
    {
        var options = new KitchenRoutingOptions { DefaultStationId = "hot" };
        options.StationByCategory["drinks"] = "bar";
        options.SummaryStations.Add("bar");
        _router = new KitchenRouter(TestMenu.Catalog(), options);
    }

    [Fact]
    public async Task FiredRound_OneTicketPerStation_WithNamesModifiersSeatsAndRevision()
    {
        var order = await _f.OpenTableAsync("o1", "T12", diners: 4);
        var added = await _f.RunAsync(new AddItems
        {
            OrderId = "o1",
            RequestId = "r",
            ExpectedVersion = order.Version,
            Items =
            [
                new OrderItemRequest("kungpao", 1) { Modifiers = [new("medium"), new("egg", 2)], Diner = "A", Note = "不要花生" },
                new OrderItemRequest("beer", 2) { Diner = "A" },
                new OrderItemRequest("beer", 1) { Diner = "B" },
            ],
        });

        var tickets = _router.Route(await _f.Service.GetHistoryAsync("o1"), added.Events[0].Version);

        Assert.Equal(["bar", "hot"], tickets.Select(t => t.StationId));
        var bar = tickets[0];
        var hot = tickets[1];
        Assert.All(tickets, t => Assert.Equal((KitchenTicketKind.NewOrder, "T12", 2, 1, "1"), (t.Kind, t.Table, t.Revision, t.Round, t.OrderNumber)));
        Assert.Equal(("啤酒", 3), (bar.Items.Single().Name, bar.Items.Single().Quantity));
        var dish = hot.Items.Single();
        Assert.Equal("宫保鸡丁", dish.Name);
        Assert.Equal(["中辣", "加蛋×2"], dish.Modifiers);
        Assert.Equal(("A", "不要花生"), (dish.Seat, dish.Note));
    }

    [Fact]
    public async Task SecondRound_IsAnAddOn_AndCartItemsWaitUntilSubmitted()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("kungpao", 1));
        order = await _f.AddAsync(order, LineDisposition.Cart, ("fish-s", 1));
        var history = await _f.Service.GetHistoryAsync("o1");
        Assert.Empty(_router.Route(history, 3));

        var submitted = await _f.RunAsync(new SubmitCart { OrderId = "o1", RequestId = "s", ExpectedVersion = order.Version });
        var tickets = _router.Route(await _f.Service.GetHistoryAsync("o1"), submitted.Events[0].Version);

        var ticket = Assert.Single(tickets);
        Assert.Equal((KitchenTicketKind.AddOn, 2), (ticket.Kind, ticket.Round));
        Assert.Equal("酸菜鱼(小份)", ticket.Items.Single().Name);
    }

    [Fact]
    public async Task VoidHoldFireUrgeAndCancel_EachGetTheirTicket()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("kungpao", 3));
        order = await _f.AddAsync(order, LineDisposition.Hold, ("fish-s", 1));
        var voided = await _f.RunAsync(new VoidItem { OrderId = "o1", RequestId = "v", ExpectedVersion = order.Version, LineId = "L1", Quantity = 2, Reason = "上错", Operator = "w" });
        var urged = await _f.RunAsync(new UrgeItems { OrderId = "o1", RequestId = "u", ExpectedVersion = voided.Order!.Version, LineIds = ["L1"] });
        var fired = await _f.RunAsync(new FireHeldItems { OrderId = "o1", RequestId = "f", ExpectedVersion = urged.Order!.Version, LineIds = ["L2"] });
        var cancelled = await _f.RunAsync(new CancelOrder { OrderId = "o1", RequestId = "c", ExpectedVersion = fired.Order!.Version, Reason = "客人走了", Operator = "w" });
        var history = await _f.Service.GetHistoryAsync("o1");

        var kinds = Enumerable.Range(3, 5).Select(v => _router.Route(history, v).Select(t => (t.Kind, t.Items.Sum(i => i.Quantity))).ToList()).ToList();

        Assert.Equal([(KitchenTicketKind.Hold, 1)], kinds[0]);
        Assert.Equal([(KitchenTicketKind.Void, 2)], kinds[1]);
        Assert.Equal([(KitchenTicketKind.Urge, 1)], kinds[2]);
        Assert.Equal([(KitchenTicketKind.Fire, 1)], kinds[3]);
        Assert.Equal([(KitchenTicketKind.Void, 2)], kinds[4]);
        Assert.Equal(7, cancelled.Events[0].Version);
    }

    [Fact]
    public async Task Route_UnknownVersion_Throws()
    {
        await _f.OpenTableAsync("o1", "T1");

        Assert.Throws<ArgumentOutOfRangeException>(() => _router.Route(_f.Service.GetHistoryAsync("o1").AsTask().Result, 5));
    }

    [Fact]
    public void Options_EmptyStation_FailsEagerly()
    {
        var options = new KitchenRoutingOptions { DefaultStationId = " " };

        Assert.Throws<OptionsValidationException>(() => new KitchenRouter(TestMenu.Catalog(), options));
    }
}
