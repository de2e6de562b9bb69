using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Testing.Alipay;

namespace DemoRestaurant.Tests;

/// <summary>The demo with <c>Demo:PaymentGateways=Sandbox</c>: the real adapters against the loopback sandboxes, settled by verified signed callbacks.</summary>
public sealed class SandboxGatewayTests
{
    [Fact]
    public async Task DinerPay_WeChatAndAlipaySandboxes_OrdersSettleAndSandboxLedgersHoldTheCapture()
    {
        await using var host = await DemoHost.StartAsync(new Dictionary<string, string?> { ["Demo:PaymentGateways"] = "Sandbox" });
        var sandboxes = host.Services.GetRequiredService<DemoRestaurant.Payments.DemoPaymentChannels>().Sandboxes;
        Assert.NotNull(sandboxes);

        var (weChatOrder, weChatDue) = await PayAsync(host, "T05", "wechat");
        var (alipayOrder, alipayDue) = await PayAsync(host, "T06", "alipay");

        var weChatTrade = Assert.Single(sandboxes.WeChatSandbox.Trades, t => t.TradeState == "SUCCESS");
        Assert.Equal(weChatDue, weChatTrade.Captured.MinorUnits);
        var alipayTrade = Assert.Single(sandboxes.AlipaySandbox.GetTrades(), t => t.Status == AlipaySandboxTradeStatus.TradeSuccess);
        Assert.Equal(alipayDue, alipayTrade.PaidFen);
        Assert.NotEqual(weChatOrder, alipayOrder);
        Assert.Equal(0, sandboxes.RejectedCallbacks);
        Assert.Contains(sandboxes.WeChatSandbox.Deliveries, d => d.Acknowledged && !d.Probe);
    }

    private static async Task<(string OrderId, long Due)> PayAsync(DemoHost host, string table, string channel)
    {
        using var diner = host.Diner(table);
        var added = await Json.PostAsync(diner, "/api/diner/cart", DinerFlowTests.Cart("c-" + channel, "Dana", DinerFlowTests.Line("rice")));
        var orderId = added.GetProperty("order").GetProperty("orderId").GetString()!;
        var submitted = await Json.PostAsync(diner, "/api/diner/submit", new { requestId = "s-" + channel });
        var due = submitted.GetProperty("order").GetProperty("amountDue").GetInt64();
        await Json.PostAsync(diner, "/api/diner/pay", new { requestId = "p-" + channel, channel });
        var settled = await Json.EventuallyAsync(() => Json.GetAsync(diner, "/api/diner/table"), t => t.GetProperty("order").GetProperty("status").GetString() == "Settled", TimeSpan.FromSeconds(20));
        Assert.Equal("Settled", settled.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(due, settled.GetProperty("order").GetProperty("paid").GetInt64());
        return (orderId, due);
    }
}
