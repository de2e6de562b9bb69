using System.Diagnostics;
using System.Text.Json;
using DemoRestaurant.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace DemoRestaurant.Tests;

/// <summary>
/// One demo restaurant (Sandbox gateways, the default) for one chaos test, with the manager signed in: sets the chaos
/// panel, orders as a diner, pays in-app or at the till, and reads back what the dashboard and the sandboxes saw.
/// Every test gets its own host, so the chaos dice (seeded by <c>Demo:ChaosSeed</c>) roll the same sequence each run.
/// </summary>
internal sealed class ChaosScenario : IAsyncDisposable
{
    public const string WeChatCode = "134567890123456789";
    public const string AlipayCode = "284567890123456789";

    private ChaosScenario(DemoHost host, HttpClient manager)
    {
        Host = host;
        Manager = manager;
    }

    public DemoHost Host { get; }

    public HttpClient Manager { get; }

    public SandboxGateways Sandboxes => Host.Services.GetRequiredService<DemoPaymentChannels>().Sandboxes!;

    public static async Task<ChaosScenario> StartAsync()
    {
        var host = await DemoHost.StartAsync(new Dictionary<string, string?> { ["Demo:PaymentGateways"] = "Sandbox", ["Demo:ChaosSeed"] = "8" });
        return new ChaosScenario(host, await host.StaffAsync("manager", "manager-demo"));
    }

    public Task SetChaosAsync(int latencyMs = 0, double drop = 0, double gatewayErrors = 0, int userPayingMs = 0, double wrongPassword = 0) =>
        Json.PostAsync(Manager, "/api/dashboard/chaos", new { networkLatencyMs = latencyMs, dropRate = drop, gatewayErrorRate = gatewayErrors, userPayingDelayMs = userPayingMs, wrongPasswordRate = wrongPassword });

    /// <summary>A diner at <paramref name="table"/> orders one dish and sends it to the kitchen; returns the order id.</summary>
    public async Task<string> OrderAsync(string table, string dish = "rice")
    {
        using var diner = Host.Diner(table);
        var added = await Json.PostAsync(diner, "/api/diner/cart", DinerFlowTests.Cart("c-" + table, "Chen", DinerFlowTests.Line(dish)));
        await Json.PostAsync(diner, "/api/diner/submit", new { requestId = "s-" + table });
        return added.GetProperty("order").GetProperty("orderId").GetString()!;
    }

    /// <summary>The diner pays in the wallet app (JSAPI); returns the attempt as the API answered it and how long the call took.</summary>
    public async Task<(JsonElement Attempt, TimeSpan Took)> DinerPaysAsync(string table, string channel, string requestId = "p1")
    {
        using var diner = Host.Diner(table);
        var started = Stopwatch.GetTimestamp();
        var paid = await Json.PostAsync(diner, "/api/diner/pay", new { requestId = table + "-" + requestId, channel });
        return (paid.GetProperty("attempt"), Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The cashier scans the customer's payment code; returns the attempt as the API answered it.</summary>
    public async Task<JsonElement> CodePayAsync(string orderId, string code, string requestId)
    {
        var paid = await Json.PostAsync(Manager, $"/api/staff/orders/{orderId}/pay", new { requestId, method = "code", paymentCode = code });
        return paid.GetProperty("attempt");
    }

    public async Task<JsonElement> OrderViewAsync(string orderId) => await Json.GetAsync(Manager, "/api/staff/orders/" + orderId);

    public async Task<JsonElement> AttemptAsync(string orderId, string attemptId) =>
        (await OrderViewAsync(orderId)).GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("attemptId").GetString() == attemptId);

    /// <summary>Waits until the attempt reaches <paramref name="state"/> (or the timeout passes) and returns it.</summary>
    public async Task<JsonElement> AttemptEventuallyAsync(string orderId, string attemptId, string state, TimeSpan timeout)
    {
        var view = await Json.EventuallyAsync(
            () => OrderViewAsync(orderId),
            o => o.GetProperty("payments").EnumerateArray().Any(p => p.GetProperty("attemptId").GetString() == attemptId && p.GetProperty("state").GetString() == state),
            timeout);
        return view.GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("attemptId").GetString() == attemptId);
    }

    public async Task<string?> OrderStatusEventuallyAsync(string orderId, string status, TimeSpan timeout)
    {
        var view = await Json.EventuallyAsync(() => OrderViewAsync(orderId), o => o.GetProperty("status").GetString() == status, timeout);
        return view.GetProperty("status").GetString();
    }

    public async Task<JsonElement> DashboardAsync() => await Json.GetAsync(Manager, "/api/dashboard/");

    /// <summary>The dashboard's failure-list entries for one attempt, newest first.</summary>
    public async Task<JsonElement[]> FailuresAsync(string attemptId) =>
        [.. (await DashboardAsync()).GetProperty("failures").EnumerateArray().Where(f => f.GetProperty("attemptId").GetString() == attemptId)];

    /// <summary>What the chaos dice injected so far, e.g. "WeChatPay:ServerError" → 1.</summary>
    public async Task<Dictionary<string, long>> InjectedAsync() =>
        (await DashboardAsync()).GetProperty("chaosInjected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        Manager.Dispose();
        await Host.DisposeAsync();
    }
}
