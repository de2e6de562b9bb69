using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Tests.Pricing;

namespace Ordering.Sdk.Tests.Orders;

// Members and coupons on an order: priced by the real engine, explained by the snapshot, and a coupon
// that lapses later never blocks the order.
public sealed class OrderMemberAndCouponTests
{
    private readonly FakeTimeProvider _clock = new(PricingKit.Lunch);
    private readonly IOrderService _service;
    private long _version;
    private int _request;

    public OrderMemberAndCouponTests()
    {
        var policy = new PricingPolicy
        {
            Coupons =
            [
                new CouponDefinition { Code = "SAVE10", Name = new("满50减10", "10 off 50"), AmountOff = 1000, MinimumSpend = 5000 },
                new CouponDefinition { Code = "OLD", Name = new("过期券", "Expired"), AmountOff = 500, ValidUntil = PricingKit.Lunch.AddDays(-1) },
            ],
        };
        var options = new OrdersOptions();
        options.Tables.Add("T1");
        _service = OrderServiceFactory.Create(new InMemoryOrderStore(), PricingKit.Engine(policy), options, timeProvider: _clock);
    }

    [Fact]
    public async Task AttachMember_MemberPriceApplies_AndDetachRestoresTheListPrice()
    {
        await Open();
        await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Items = [new OrderItemRequest("fish-s", 1)] });

        var attached = await Run(new AttachMember { OrderId = "o", RequestId = "", ExpectedVersion = 0, MemberId = "m-42" });
        var again = await Run(new AttachMember { OrderId = "o", RequestId = "", ExpectedVersion = 0, MemberId = "m-42" }, expectAccepted: false);
        var detached = await Run(new AttachMember { OrderId = "o", RequestId = "", ExpectedVersion = 0, MemberId = null });

        Assert.Equal("m-42", attached.Order!.MemberId);
        Assert.Equal(5200, attached.Order.AmountDue.MinorUnits);
        Assert.Equal("member_already_attached", again.Error!.Code);
        Assert.Null(detached.Order!.MemberId);
        Assert.Equal(5800, detached.Order.AmountDue.MinorUnits);
    }

    [Fact]
    public async Task ApplyCoupon_DiscountsAndTheSnapshotExplainsIt()
    {
        await Open();
        await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Items = [new OrderItemRequest("fish-s", 1)] });

        var applied = await Run(new ApplyCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "SAVE10" });

        var order = applied.Order!;
        Assert.Equal(4800, order.AmountDue.MinorUnits);
        Assert.Equal(["SAVE10"], order.CouponCodes);
        Assert.Empty(order.InactiveCoupons);
        Assert.NotNull(order.PriceSnapshot);
        Assert.Equal(order.AmountDue.MinorUnits, order.PriceSnapshot.AmountDue);
        Assert.Contains(order.PriceSnapshot.Adjustments, a => a.Amount == -1000 || a.Amount == 1000);
        Assert.Equal(order.Lines.Where(l => l.IsActive).Select(l => l.LineId), order.PricedLineIds);
    }

    [Theory]
    [InlineData("NOPE", "unknown_coupon")]
    [InlineData("OLD", "coupon_expired")]
    public async Task ApplyCoupon_InvalidCoupon_RefusedOnTheCodeField_AndNothingApplied(string code, string expectedError)
    {
        await Open();
        await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Items = [new OrderItemRequest("fish-s", 1)] });

        var refused = await Run(new ApplyCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = code }, expectAccepted: false);

        Assert.Equal(expectedError, refused.Error!.Code);
        Assert.Equal("code", refused.Error.Field);
        var order = await _service.GetAsync("o");
        Assert.Empty(order!.CouponCodes);
        Assert.Equal(5800, order.AmountDue.MinorUnits);
    }

    [Fact]
    public async Task ApplyCoupon_BelowMinimumSpend_Refused()
    {
        await Open();
        await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Items = [new OrderItemRequest("rice", 1)] });

        var refused = await Run(new ApplyCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "SAVE10" }, expectAccepted: false);

        Assert.Equal("coupon_not_applicable", refused.Error!.Code);
    }

    [Fact]
    public async Task ApplyCoupon_OnAnEmptyOrder_Refused()
    {
        await Open();

        var refused = await Run(new ApplyCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "SAVE10" }, expectAccepted: false);

        Assert.Equal("coupon_not_applicable", refused.Error!.Code);
    }

    [Fact]
    public async Task CouponLapsesWhenADishIsRemoved_OrderStillChanges_AndTheCouponReturnsWhenSpendRecovers()
    {
        await Open();
        await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Disposition = LineDisposition.Cart, Items = [new OrderItemRequest("fish-s", 1), new OrderItemRequest("rice", 1)] });
        await Run(new ApplyCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "SAVE10" });

        var removed = await Run(new RemoveItem { OrderId = "o", RequestId = "", ExpectedVersion = 0, LineId = "L1" });

        var lapsed = Assert.Single(removed.Order!.InactiveCoupons);
        Assert.Equal("SAVE10", lapsed.Code);
        Assert.Equal("coupon_not_applicable", lapsed.ReasonCode);
        Assert.Equal(["SAVE10"], removed.Order.CouponCodes);
        var riceOnly = removed.Order.AmountDue.MinorUnits;

        var added = await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Items = [new OrderItemRequest("fish-s", 1)] });

        Assert.Empty(added.Order!.InactiveCoupons);
        Assert.Equal(riceOnly + 5800 - 1000, added.Order.AmountDue.MinorUnits);
    }

    [Fact]
    public async Task RemoveCoupon_NotOnOrder_Refused_AndOnOrder_RemovesTheDiscount()
    {
        await Open();
        await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Items = [new OrderItemRequest("fish-s", 1)] });
        await Run(new ApplyCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "SAVE10" });

        var missing = await Run(new RemoveCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "OTHER" }, expectAccepted: false);
        var removed = await Run(new RemoveCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "SAVE10" });

        Assert.Equal("coupon_not_on_order", missing.Error!.Code);
        Assert.Empty(removed.Order!.CouponCodes);
        Assert.Equal(5800, removed.Order.AmountDue.MinorUnits);
    }

    [Fact]
    public async Task MemberAndCouponEvents_RoundTripThroughJson()
    {
        await Open();
        await Run(new AddItems { OrderId = "o", RequestId = "", ExpectedVersion = 0, Items = [new OrderItemRequest("fish-s", 1)] });
        await Run(new AttachMember { OrderId = "o", RequestId = "", ExpectedVersion = 0, MemberId = "m-1" });
        await Run(new ApplyCoupon { OrderId = "o", RequestId = "", ExpectedVersion = 0, Code = "SAVE10" });

        var history = await _service.GetHistoryAsync("o");
        var back = history.Select(e => OrderJson.DeserializeEvent(OrderJson.SerializeEvent(e))).ToList();

        Assert.Equal(history.Select(OrderJson.SerializeEvent), back.Select(OrderJson.SerializeEvent));
        Assert.Equal(history.Count, back.Count);
        Assert.Contains(back, e => e is MemberAttached { MemberId: "m-1" });
        Assert.Contains(back, e => e is CouponApplied { Code: "SAVE10" });
    }

    private async Task Open()
    {
        await Run(new OpenOrder { OrderId = "o", RequestId = "", ExpectedVersion = 0, Type = OrderType.DineIn, TableId = "T1" });
    }

    private async Task<OrderCommandResult> Run(OrderCommand command, bool expectAccepted = true)
    {
        var result = await _service.ExecuteAsync(command with { RequestId = "r" + (++_request).ToString(System.Globalization.CultureInfo.InvariantCulture), ExpectedVersion = _version, Operator = command.Operator ?? "staff" });
        Assert.Equal(expectAccepted ? OrderCommandStatus.Accepted : OrderCommandStatus.Rejected, result.Status);
        if (result.Order is { } order)
        {
            _version = order.Version;
        }

        return result;
    }
}
