using Ordering.Sdk.Testing.Alipay;

namespace DemoRestaurant.Tests;

/// <summary>
/// The chaos panel's gateway and network knobs in Sandbox mode: the faults are the sandboxes' own (HTTP 5xx,
/// SYSTEMERROR / ACQ.SYSTEM_ERROR, answers lost after processing, held-back answers), and the SDK's real adapters and
/// payment engine recover from them.
/// </summary>
public sealed class SandboxGatewayChaosTests
{
    [Fact]
    public async Task GatewayErrorRate_AllCallsFail_ChargeUnresolvedWithGatewayCauseOnDashboardThenOffPaysNormally()
    {
        await using var scenario = await ChaosScenario.StartAsync();
        var weChatOrder = await scenario.OrderAsync("T01");
        var alipayOrder = await scenario.OrderAsync("T02");
        await scenario.SetChaosAsync(gatewayErrors: 1.0);

        var (weChat, _) = await scenario.DinerPaysAsync("T01", "wechat");
        var (alipay, _) = await scenario.DinerPaysAsync("T02", "alipay");

        var injected = await scenario.InjectedAsync();
        foreach (var (channel, attempt) in new[] { ("WeChatPay", weChat), ("Alipay", alipay) })
        {
            // One request each so far (the charge), and it failed the way the dice said.
            var kind = Assert.Single(injected, i => i.Key.StartsWith(channel + ":", StringComparison.Ordinal));
            Assert.Equal(1, kind.Value);
            var fault = kind.Key[(channel.Length + 1)..];
            Assert.Contains(fault, new[] { "ServerError", "SystemError", "DropAfterProcessing" });
            Assert.NotEqual("Succeeded", attempt.GetProperty("state").GetString());

            var failure = Assert.Single(await scenario.FailuresAsync(attempt.GetProperty("attemptId").GetString()!));
            Assert.Equal(channel, failure.GetProperty("channel").GetString());
            Assert.Equal("Charge", failure.GetProperty("operation").GetString());
            var expected = ExpectedCause(channel, fault);
            Assert.True(failure.GetProperty("cause").GetString() == expected && failure.GetProperty("action").GetString() == "QueryThenDecide", channel + " " + fault + " → " + failure);
            Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("staffZh").GetString()));
        }

        await scenario.SetChaosAsync();
        var weChatAfter = await scenario.OrderAsync("T03");
        var alipayAfter = await scenario.OrderAsync("T04");
        await scenario.DinerPaysAsync("T03", "wechat");
        await scenario.DinerPaysAsync("T04", "alipay");
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(weChatAfter, "Settled", TimeSpan.FromSeconds(20)));
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(alipayAfter, "Settled", TimeSpan.FromSeconds(20)));
        Assert.Equal(injected, await scenario.InjectedAsync());

        // Once the gateways answer again, both first payments go through too: a charge the gateway processed before
        // the error is paid by its customer (the verified callback resolves it), and one it never processed is found
        // missing by the engine's query and sent again with the same merchant order number, so the diner gets the
        // payment prompt back instead of waiting out the customer-action timeout.
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(weChatOrder, "Settled", TimeSpan.FromSeconds(30)));
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(alipayOrder, "Settled", TimeSpan.FromSeconds(30)));
        Assert.Single(scenario.Sandboxes.WeChatSandbox.Trades, t => t.OutTradeNo == weChat.GetProperty("attemptId").GetString());
    }

    // How the SDK's adapters classify each injected fault: a lost answer is the network's, an error page or
    // SYSTEMERROR / ACQ.SYSTEM_ERROR the gateway's (an unsigned WeChat Pay 500 included: it blames the gateway, not
    // our keys). The action is QueryThenDecide either way.
    private static string ExpectedCause(string channel, string fault) => (channel, fault) switch
    {
        (_, "DropAfterProcessing") => "Network",
        _ => "GatewayUnavailable",
    };

    [Fact]
    public async Task DropRate_AllCallsLost_ChargeUnknownWithNetworkCauseThenOffPaysNormally()
    {
        await using var scenario = await ChaosScenario.StartAsync();
        await scenario.OrderAsync("T01");
        await scenario.OrderAsync("T02");
        await scenario.SetChaosAsync(drop: 1.0);

        var (weChat, _) = await scenario.DinerPaysAsync("T01", "wechat");
        var (alipay, _) = await scenario.DinerPaysAsync("T02", "alipay");

        var injected = await scenario.InjectedAsync();
        Assert.Equal(2, injected.Values.Sum());
        Assert.All(injected.Keys, k => Assert.Matches("^(WeChatPay|Alipay):Drop(Before|After)Processing$", k));
        foreach (var attempt in new[] { weChat, alipay })
        {
            Assert.Equal("Pending", attempt.GetProperty("state").GetString());
            var failure = Assert.Single(await scenario.FailuresAsync(attempt.GetProperty("attemptId").GetString()!));
            Assert.Equal("Network", failure.GetProperty("cause").GetString());
            Assert.Equal("QueryThenDecide", failure.GetProperty("action").GetString());
        }

        await scenario.SetChaosAsync();
        var after = await scenario.OrderAsync("T03");
        await scenario.DinerPaysAsync("T03", "alipay");
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(after, "Settled", TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task NetworkLatency_On_SandboxesHoldAnswersBackThenOffAnswersAtOnce()
    {
        await using var scenario = await ChaosScenario.StartAsync();
        var weChatOrder = await scenario.OrderAsync("T01");
        var alipayOrder = await scenario.OrderAsync("T02");
        await scenario.SetChaosAsync(latencyMs: 600);

        var (_, weChatTook) = await scenario.DinerPaysAsync("T01", "wechat");
        var (_, alipayTook) = await scenario.DinerPaysAsync("T02", "alipay");

        Assert.Equal(TimeSpan.FromMilliseconds(600), scenario.Sandboxes.WeChatSandbox.Latency);
        Assert.True(weChatTook >= TimeSpan.FromMilliseconds(600), "WeChat charge took " + weChatTook);
        Assert.True(alipayTook >= TimeSpan.FromMilliseconds(600), "Alipay charge took " + alipayTook);
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(weChatOrder, "Settled", TimeSpan.FromSeconds(20)));
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(alipayOrder, "Settled", TimeSpan.FromSeconds(20)));
        Assert.Empty(await scenario.InjectedAsync());

        await scenario.SetChaosAsync();
        var after = await scenario.OrderAsync("T03");
        await scenario.DinerPaysAsync("T03", "wechat");
        Assert.Equal(TimeSpan.Zero, scenario.Sandboxes.WeChatSandbox.Latency);
        Assert.Equal("Settled", await scenario.OrderStatusEventuallyAsync(after, "Settled", TimeSpan.FromSeconds(20)));
    }
}
