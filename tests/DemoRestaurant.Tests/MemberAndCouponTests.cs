using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DemoRestaurant.Tests;

public sealed class MemberAndCouponTests(RestaurantFixture fixture) : IClassFixture<RestaurantFixture>
{
    private DemoHost Host => fixture.Host;

    [Fact]
    public async Task DinerMember_AttachThenDetach_MemberPricingFollowsTheOrderAndTheBillExplainsIt()
    {
        using var diner = Host.Diner("T10");
        var listPriced = (await Json.PostAsync(diner, "/api/diner/cart", DinerFlowTests.Cart("m1", "Mei", DinerFlowTests.Line("dongpo")))).GetProperty("order");

        var member = (await Json.PostAsync(diner, "/api/diner/member", new { memberId = "M1001" })).GetProperty("order");
        Assert.Equal("M1001", member.GetProperty("memberId").GetString());
        Assert.Equal("M1001", member.GetProperty("bill").GetProperty("member").GetString());
        Assert.True(member.GetProperty("bill").GetProperty("matchesOrder").GetBoolean());
        Assert.True(member.GetProperty("amountDue").GetInt64() < listPriced.GetProperty("amountDue").GetInt64());

        // The member stays on the order for later re-prices (a second dish) without the host remembering it.
        var later = (await Json.PostAsync(diner, "/api/diner/cart", DinerFlowTests.Cart("m2", "Mei", DinerFlowTests.Line("cucumber")))).GetProperty("order");
        Assert.Equal("M1001", later.GetProperty("memberId").GetString());
        Assert.True(later.GetProperty("bill").GetProperty("matchesOrder").GetBoolean());

        var detached = (await Json.PostAsync(diner, "/api/diner/member", new { memberId = (string?)null })).GetProperty("order");
        Assert.Equal(JsonValueKind.Null, detached.GetProperty("memberId").ValueKind);
        Assert.True(detached.GetProperty("amountDue").GetInt64() > later.GetProperty("amountDue").GetInt64());
    }

    [Fact]
    public async Task DinerCoupon_AppliedThenSpendDropsBelowMinimum_ShownInactiveWithReason()
    {
        using var diner = Host.Diner("T11");
        await Json.PostAsync(diner, "/api/diner/cart", DinerFlowTests.Cart("c1", "Chen", DinerFlowTests.Line("cucumber")));

        // Below the minimum spend the SDK refuses the coupon with a reason the diner can read.
        using (var refused = await diner.PostAsJsonAsync(new Uri("/api/diner/coupon", UriKind.Relative), new { code = "WELCOME5" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("coupon_not_applicable", (await Json.ReadErrorAsync(refused)).GetProperty("code").GetString());
        }

        var withPork = (await Json.PostAsync(diner, "/api/diner/cart", DinerFlowTests.Cart("c2", "Chen", DinerFlowTests.Line("dongpo")))).GetProperty("order");
        var applied = (await Json.PostAsync(diner, "/api/diner/coupon", new { code = "WELCOME5" })).GetProperty("order");
        Assert.Equal(["WELCOME5"], applied.GetProperty("coupons").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(applied.GetProperty("inactiveCoupons").EnumerateArray());
        var bill = applied.GetProperty("bill");
        Assert.True(bill.GetProperty("matchesOrder").GetBoolean());
        Assert.Contains(bill.GetProperty("adjustments").EnumerateArray(), a => a.GetProperty("amount").GetInt64() == -500 && a.GetProperty("name").GetString()!.StartsWith("新客券", StringComparison.Ordinal));
        Assert.True(applied.GetProperty("amountDue").GetInt64() < withPork.GetProperty("amountDue").GetInt64());

        // Taking the pork back out of the cart drops the spend under 50: the coupon stays on the order but lapses, with the reason.
        var porkLine = applied.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("skuId").GetString() == "dongpo").GetProperty("lineId").GetString();
        using var removed = await diner.DeleteAsync(new Uri("/api/diner/cart/" + porkLine + "?requestId=c3", UriKind.Relative));
        var lapsed = (await Json.ReadAsync(removed)).GetProperty("order");
        var inactive = Assert.Single(lapsed.GetProperty("inactiveCoupons").EnumerateArray());
        Assert.Equal("WELCOME5", inactive.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(inactive.GetProperty("reason").GetString()));
        Assert.DoesNotContain(lapsed.GetProperty("bill").GetProperty("adjustments").EnumerateArray(), a => a.GetProperty("amount").GetInt64() == -500);
    }
}
