using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing.Alipay;

namespace DemoRestaurant.Tests;

/// <summary>
/// The chaos panel's customer knobs in Sandbox mode: the sandboxes' simulated customers keep payments in USERPAYING /
/// WAIT_BUYER_PAY for the configured delay or type a wrong password, and the engine's queries see it.
/// </summary>
public sealed class SandboxCustomerChaosTests
{
    private static readonly TimeSpan CustomerDelay = TimeSpan.FromMilliseconds(300); // DemoHost's Demo:SimulatedCustomerDelayMs

    [Fact]
    public async Task UserPayingDelay_WalletPayments_InProgressUntilTheDelayPassesThenSettleAndOffRestores()
    {
        await using var scenario = await ChaosScenario.StartAsync();
        var weChatOrder = await scenario.OrderAsync("T01");
        var alipayOrder = await scenario.OrderAsync("T02");
        await scenario.SetChaosAsync(userPayingMs: 2000);

        var (weChat, _) = await scenario.DinerPaysAsync("T01", "wechat");
        var (alipay, _) = await scenario.DinerPaysAsync("T02", "alipay");
        Assert.Equal("AwaitingCustomer", weChat.GetProperty("state").GetString());
        Assert.Equal("AwaitingCustomer", alipay.GetProperty("state").GetString());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("Open", (await scenario.OrderViewAsync(weChatOrder)).GetProperty("status").GetString());
        Assert.Equal("Open", (await scenario.OrderViewAsync(alipayOrder)).GetProperty("status").GetString());

        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(weChatOrder, "Settled", TimeSpan.FromSeconds(20)));
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(alipayOrder, "Settled", TimeSpan.FromSeconds(20)));

        // The sandbox's customer paid exactly the confirmation delay plus the USERPAYING delay after the trade opened.
        var trade = scenario.Sandboxes.WeChatSandbox.GetTrade(weChat.GetProperty("attemptId").GetString()!)!;
        Assert.Equal(CustomerDelay + TimeSpan.FromSeconds(2), trade.PaidAt - trade.CreatedAt);
        var engine = scenario.Host.Services.GetRequiredService<IPaymentEngine>();
        var alipayTrade = scenario.Sandboxes.AlipaySandbox.GetTrade(alipay.GetProperty("attemptId").GetString()!)!;
        Assert.True(alipayTrade.PaidAt - engine.GetAttempts(alipayOrder).Single().CreatedAt >= CustomerDelay + TimeSpan.FromSeconds(2));

        await scenario.SetChaosAsync();
        var after = await scenario.OrderAsync("T03");
        var (again, _) = await scenario.DinerPaysAsync("T03", "wechat");
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(after, "Settled", TimeSpan.FromSeconds(20)));
        var normal = scenario.Sandboxes.WeChatSandbox.GetTrade(again.GetProperty("attemptId").GetString()!)!;
        Assert.Equal(CustomerDelay, normal.PaidAt - normal.CreatedAt);
    }

    [Fact]
    public async Task UserPayingDelay_CodePay_UserPayingUntilTheQueryFindsItPaidAndOffPaysAtOnce()
    {
        await using var scenario = await ChaosScenario.StartAsync();
        var weChatOrder = await scenario.OrderAsync("T01");
        var alipayOrder = await scenario.OrderAsync("T02");
        await scenario.SetChaosAsync(userPayingMs: 1000);

        var weChat = await scenario.CodePayAsync(weChatOrder, ChaosScenario.WeChatCode, "k1");
        var alipay = await scenario.CodePayAsync(alipayOrder, ChaosScenario.AlipayCode, "k2");
        Assert.Equal("AwaitingCustomer", weChat.GetProperty("state").GetString());
        Assert.Equal("AwaitingCustomer", alipay.GetProperty("state").GetString());
        var weChatId = weChat.GetProperty("attemptId").GetString()!;
        Assert.Equal("USERPAYING", scenario.Sandboxes.WeChatSandbox.GetTrade(weChatId)!.TradeState);
        Assert.Equal(AlipaySandboxTradeStatus.WaitBuyerPay, scenario.Sandboxes.AlipaySandbox.GetTrade(alipay.GetProperty("attemptId").GetString()!)!.Status);

        // The engine's first query (WeChat Pay 5 s, Alipay 3 s after the charge) finds the customer has paid.
        Assert.Equal("Succeeded", (await scenario.AttemptEventuallyAsync(weChatOrder, weChatId, "Succeeded", TimeSpan.FromSeconds(20))).GetProperty("state").GetString());
        Assert.Equal("Succeeded", (await scenario.AttemptEventuallyAsync(alipayOrder, alipay.GetProperty("attemptId").GetString()!, "Succeeded", TimeSpan.FromSeconds(20))).GetProperty("state").GetString());
        var trade = scenario.Sandboxes.WeChatSandbox.GetTrade(weChatId)!;
        Assert.Equal(TimeSpan.FromSeconds(1), trade.PaidAt - trade.CreatedAt);

        await scenario.SetChaosAsync();
        var after = await scenario.OrderAsync("T03");
        var paidAtOnce = await scenario.CodePayAsync(after, ChaosScenario.WeChatCode, "k3");
        Assert.Equal("Succeeded", paidAtOnce.GetProperty("state").GetString());
    }

    [Fact]
    public async Task WrongPasswordRate_Full_PaymentsFailWithThePasswordCauseThenOffPaysNormally()
    {
        await using var scenario = await ChaosScenario.StartAsync();
        var codeOrder = await scenario.OrderAsync("T01");
        var walletOrder = await scenario.OrderAsync("T02");
        var alipayCodeOrder = await scenario.OrderAsync("T03");
        await scenario.SetChaosAsync(wrongPassword: 1.0);

        var code = await scenario.CodePayAsync(codeOrder, ChaosScenario.WeChatCode, "w1");
        var (wallet, _) = await scenario.DinerPaysAsync("T02", "wechat");
        var alipayCode = await scenario.CodePayAsync(alipayCodeOrder, ChaosScenario.AlipayCode, "w3");
        Assert.Equal("AwaitingCustomer", code.GetProperty("state").GetString());

        foreach (var (orderId, attempt) in new[] { (codeOrder, code), (walletOrder, wallet) })
        {
            var attemptId = attempt.GetProperty("attemptId").GetString()!;
            var failed = await scenario.AttemptEventuallyAsync(orderId, attemptId, "Failed", TimeSpan.FromSeconds(20));
            Assert.Equal("Failed", failed.GetProperty("state").GetString());
            Assert.Equal("PAYERROR", scenario.Sandboxes.WeChatSandbox.GetTrade(attemptId)!.TradeState);
            var failure = Assert.Single(await scenario.FailuresAsync(attemptId));
            Assert.Equal("Customer", failure.GetProperty("cause").GetString());
            Assert.Equal("PAYERROR", failure.GetProperty("rawCode").GetString());
            Assert.Equal("RetrySame", failure.GetProperty("action").GetString());
            Assert.Contains("密码", failure.GetProperty("rawMessage").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("staffZh").GetString()));
        }

        // An Alipay customer who mistypes keeps the barcode trade waiting (WAIT_BUYER_PAY) until the engine cancels it
        // at its deadline; the first query (3 s) has already seen it still waiting.
        var alipayId = alipayCode.GetProperty("attemptId").GetString()!;
        Assert.Equal("AwaitingCustomer", (await scenario.AttemptAsync(alipayCodeOrder, alipayId)).GetProperty("state").GetString());
        Assert.Equal(AlipaySandboxTradeStatus.WaitBuyerPay, scenario.Sandboxes.AlipaySandbox.GetTrade(alipayId)!.Status);
        Assert.Equal(3, (await scenario.InjectedAsync()).Where(i => i.Key.EndsWith(":WrongPassword", StringComparison.Ordinal)).Sum(i => i.Value));

        await scenario.SetChaosAsync();
        var paid = await scenario.CodePayAsync(codeOrder, ChaosScenario.WeChatCode, "w4");
        Assert.Equal("Succeeded", paid.GetProperty("state").GetString());
        var (walletAgain, _) = await scenario.DinerPaysAsync("T02", "wechat", "p2");
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(walletOrder, "Settled", TimeSpan.FromSeconds(20)));
        Assert.Equal("SUCCESS", scenario.Sandboxes.WeChatSandbox.GetTrade(walletAgain.GetProperty("attemptId").GetString()!)!.TradeState);
    }
}
