using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DemoRestaurant.Kitchen;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing.Printing;

namespace DemoRestaurant.Tests;

public sealed class DinerFlowTests(RestaurantFixture fixture) : IClassFixture<RestaurantFixture>
{
    private DemoHost Host => fixture.Host;

    [Fact]
    public async Task TwoDiners_OrderPayAndRefund_KitchenTicketPrintedOnceAndMoneyReturned()
    {
        using var alice = Host.Diner("T01");
        using var bob = Host.Diner("T01");

        var first = await Json.PostAsync(alice, "/api/diner/cart", Cart("a1", "Alice", Line("kungpao", ("mild", 1))));
        var second = await Json.PostAsync(bob, "/api/diner/cart", Cart("b1", "Bob", Line("milk-tea", ("half-sugar", 1), ("iced", 1)) with { Quantity = 2 }));
        var orderId = first.GetProperty("order").GetProperty("orderId").GetString()!;
        Assert.Equal(orderId, second.GetProperty("order").GetProperty("orderId").GetString());

        // Alice sees Bob's dishes in the shared cart.
        var seenByAlice = await Json.GetAsync(alice, "/api/diner/table");
        var cart = seenByAlice.GetProperty("order").GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("state").GetString() == "InCart").ToList();
        Assert.Equal(["Alice", "Bob"], cart.Select(l => l.GetProperty("diner").GetString()).Order());

        // A double tap on "send to kitchen" applies once.
        var submitted = await Json.PostAsync(alice, "/api/diner/submit", new { requestId = "s1" });
        var again = await Json.PostAsync(alice, "/api/diner/submit", new { requestId = "s1" });
        Assert.True(again.GetProperty("replay").GetBoolean());
        var amountDue = submitted.GetProperty("order").GetProperty("amountDue").GetInt64();

        // 38.00 + 2 × 18.00 − 9.00 (second milk tea half price) = 65.00; + 5% service on 65.00 = 3.25; + 2 × 3.00 tea = 74.25.
        Assert.Equal(7425, amountDue);
        var bill = submitted.GetProperty("order").GetProperty("bill");
        Assert.True(bill.GetProperty("matchesOrder").GetBoolean());
        Assert.Contains(bill.GetProperty("adjustments").EnumerateArray(), a => a.GetProperty("kind").GetString() == "ItemPromotion" && a.GetProperty("amount").GetInt64() == -900);

        var paid = await Json.PostAsync(bob, "/api/diner/pay", new { requestId = "p1", channel = "wechat" });
        Assert.Equal(amountDue, paid.GetProperty("attempt").GetProperty("amount").GetInt64());
        var settled = await Json.EventuallyAsync(() => Json.GetAsync(bob, "/api/diner/table"), t => t.GetProperty("order").GetProperty("status").GetString() == "Settled", TimeSpan.FromSeconds(15));
        Assert.Equal("Settled", settled.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(amountDue, settled.GetProperty("order").GetProperty("paid").GetInt64());

        // The kitchen: one ticket for the hot station and one for the bar, each printed once.
        var outbox = Host.Services.GetRequiredService<IPrintOutbox>();
        await WaitUntilAsync(async () => (await outbox.GetByStateAsync(PrintJobState.Printed)).Count(j => j.Key.OrderId == orderId) == 2, TimeSpan.FromSeconds(15));
        var printed = (await outbox.GetByStateAsync(PrintJobState.Printed)).Where(j => j.Key.OrderId == orderId).Select(j => j.Key.StationId).Order().ToArray();
        Assert.Equal(["bar", "hot"], printed);
        var printers = Host.Services.GetRequiredService<DemoRestaurant.Printing.DemoPrinters>();
        Assert.Single(printers.Printers["hot"].Documents, d => d.IsCut && d.Text.Contains("宫保鸡丁", StringComparison.Ordinal) && d.Text.Contains("T01", StringComparison.Ordinal));
        Assert.Single(printers.Printers["bar"].Documents, d => d.IsCut && d.Text.Contains("招牌奶茶", StringComparison.Ordinal) && d.Text.Contains("T01", StringComparison.Ordinal));

        // Seeing the outbox again (a redelivery after a crash) queues nothing new.
        var queue = Host.Services.GetRequiredService<IPrintQueue>();
        foreach (var ticket in Host.Services.GetRequiredService<KdsBoard>().Tickets().Where(t => t.OrderId == orderId))
        {
            Assert.False(await queue.EnqueueAsync(new global::Ordering.Sdk.Kitchen.KitchenTicket(ticket.OrderId, ticket.OrderNumber, ticket.Station, int.Parse(ticket.Id.Split("/r")[1], System.Globalization.CultureInfo.InvariantCulture), global::Ordering.Sdk.Kitchen.KitchenTicketKind.NewOrder, [new("x", 1)], ticket.CreatedAt)));
        }

        await Task.Delay(500);
        Assert.Single(printers.Printers["hot"].Documents, d => d.IsCut && d.Text.Contains("T01", StringComparison.Ordinal));

        // The cashier refunds ¥10.00 to the WeChat payment.
        using var cashier = await Host.StaffAsync("cashier", "cashier-demo");
        var refund = await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/refund", new { requestId = "r1", amount = 1000, reason = "菜品问题" });
        Assert.Equal(1000, refund.GetProperty("refund").GetProperty("amount").GetInt64());
        var engine = Host.Services.GetRequiredService<IPaymentEngine>();
        await WaitUntilAsync(() => Task.FromResult(engine.GetOrderStatus(orderId).Refunded.MinorUnits == 1000), TimeSpan.FromSeconds(15));
        Assert.Equal(1000, engine.GetOrderStatus(orderId).Refunded.MinorUnits);
    }

    [Fact]
    public async Task AddToCart_TamperedPrice_ServerPriceWins()
    {
        using var diner = Host.Diner("T02");
        var result = await Json.PostAsync(diner, "/api/diner/cart", Cart("t1", "Mallory", Line("dongpo") with { Price = 1 }));
        var line = result.GetProperty("order").GetProperty("bill").GetProperty("lines")[0];
        Assert.Equal(6800, line.GetProperty("unitPrice").GetInt64());

        // 68.00 + 5% service (3.40) + 2 guests × 3.00 tea = 77.40; the client's 0.01 appears nowhere.
        Assert.Equal(7740, result.GetProperty("order").GetProperty("amountDue").GetInt64());
    }

    [Fact]
    public async Task DinerEndpoints_ForeignOrForgedTableToken_Refused()
    {
        using var owner = Host.Diner("T03");
        var opened = await Json.PostAsync(owner, "/api/diner/cart", Cart("f1", "Owner", Line("cucumber")));
        var orderId = opened.GetProperty("order").GetProperty("orderId").GetString()!;

        // T04's genuine token cannot read T03's order.
        using var neighbour = Host.Diner("T04");
        using (var response = await neighbour.GetAsync(new Uri("/api/diner/orders/" + orderId, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // A token whose table was edited (T03's signature on T04) is refused outright.
        var forged = "T04" + Host.Token("T03")[3..];
        using var forger = Host.Client();
        forger.DefaultRequestHeaders.Add("X-Table-Token", forged);
        using (var response = await forger.PostAsJsonAsync(new Uri("/api/diner/cart", UriKind.Relative), Cart("f2", "Forger", Line("cucumber"))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var anonymous = Host.Client();
        using (var response = await anonymous.GetAsync(new Uri("/api/diner/table", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // And the owner's order is untouched by either.
        var mine = await Json.GetAsync(owner, "/api/diner/table");
        Assert.Single(mine.GetProperty("order").GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task StaffPagesAndApis_WithoutSignIn_Refused()
    {
        using var anonymous = Host.Client();
        using (var page = await anonymous.GetAsync(new Uri("/staff/cashier.html", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/login.html", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var api = await anonymous.GetAsync(new Uri("/api/staff/tables", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "cashier", ["password"] = "wrong", ["returnUrl"] = "/" });
        using (var wrong = await anonymous.PostAsync(new Uri("/auth/login", UriKind.Relative), form))
        {
            Assert.Contains("failed=1", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.False(wrong.Headers.Contains("Set-Cookie"));
        }

        using var kitchen = await Host.StaffAsync("kitchen", "kitchen-demo");
        using (var kds = await kitchen.GetAsync(new Uri("/api/kds/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, kds.StatusCode);
        }

        using (var dashboard = await kitchen.GetAsync(new Uri("/api/dashboard/", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
        }

        using var cashier = await Host.StaffAsync("cashier", "cashier-demo");
        using var page2 = await cashier.GetAsync(new Uri("/staff/cashier.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
    }

    [Fact]
    public async Task Cashier_SplitEvenlyMixedTenderCashWithChangeAndStoredValue_SettlesThenReopens()
    {
        using var cashier = await Host.StaffAsync("cashier", "cashier-demo");
        var order = await Json.PostAsync(cashier, "/api/staff/tables/T05/open", new { diners = 3 });
        var orderId = order.GetProperty("orderId").GetString()!;
        order = (await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/items", Cart("c1", null, Line("dongpo"), Line("twice-cooked", ("medium", 1))))).GetProperty("order");
        var due = order.GetProperty("amountDue").GetInt64();
        order = (await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/split", new { requestId = "sp1", expectedVersion = order.GetProperty("version").GetInt64(), mode = "evenly", parts = 2 })).GetProperty("order");
        var parts = order.GetProperty("billParts").EnumerateArray().Select(p => p.GetProperty("amount").GetInt64()).ToArray();
        Assert.Equal(due, parts.Sum());

        var cash = await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/pay", new { requestId = "cash1", method = "cash", amount = parts[0], cashReceived = parts[0] + 2000 });
        Assert.Equal(2000, cash.GetProperty("attempt").GetProperty("change").GetInt64());
        var stored = await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/pay", new { requestId = "sv1", method = "stored", amount = parts[1], memberId = "M1001" });
        Assert.Equal("Succeeded", stored.GetProperty("attempt").GetProperty("state").GetString());

        var settled = await Json.EventuallyAsync(() => Json.GetAsync(cashier, "/api/staff/orders/" + orderId), o => o.GetProperty("status").GetString() == "Settled", TimeSpan.FromSeconds(10));
        Assert.Equal("Settled", settled.GetProperty("status").GetString());

        var receipt = await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/receipt", new { });
        var text = receipt.GetProperty("text").GetString()!;
        Assert.Contains("东坡肉", text, StringComparison.Ordinal);
        Assert.Contains("找零", text, StringComparison.Ordinal);

        var reopened = await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/reopen", new { requestId = "ro1", reason = "顾客要求修改" });
        Assert.Equal("Open", reopened.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(1, reopened.GetProperty("order").GetProperty("reopenCount").GetInt32());
    }

    [Fact]
    public async Task Dashboard_WrongPasswordInjected_FailureExplainedThenRetrySucceeds()
    {
        using var manager = await Host.StaffAsync("manager", "manager-demo");
        using var diner = Host.Diner("T06");
        await Json.PostAsync(diner, "/api/diner/cart", Cart("w1", "Wendy", Line("cucumber")));
        await Json.PostAsync(diner, "/api/diner/submit", new { requestId = "w2" });
        await Json.PostAsync(manager, "/api/dashboard/chaos", new { networkLatencyMs = 0, dropRate = 0.0, gatewayErrorRate = 0.0, userPayingDelayMs = 0, wrongPasswordRate = 1.0 });
        try
        {
            var declined = await Json.PostAsync(diner, "/api/diner/pay", new { requestId = "w3", channel = "alipay" });
            var attemptId = declined.GetProperty("attempt").GetProperty("attemptId").GetString();
            var failed = await Json.EventuallyAsync(
                () => Json.GetAsync(diner, "/api/diner/table"),
                t => t.GetProperty("order").GetProperty("payments").EnumerateArray().Any(p => p.GetProperty("attemptId").GetString() == attemptId && p.GetProperty("state").GetString() == "Failed"),
                TimeSpan.FromSeconds(15));
            var payment = failed.GetProperty("order").GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("attemptId").GetString() == attemptId);
            Assert.Equal("Failed", payment.GetProperty("state").GetString());
            Assert.Equal("Customer", payment.GetProperty("failure").GetProperty("cause").GetString());

            var dashboard = await Json.GetAsync(manager, "/api/dashboard/");
            var failure = dashboard.GetProperty("failures").EnumerateArray().First(f => f.GetProperty("attemptId").GetString() == attemptId);
            Assert.Equal("Customer", failure.GetProperty("cause").GetString());
            Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("staffZh").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("action").GetString()));

            // The tally by code counts it too, under the same channel, cause and code.
            var tally = dashboard.GetProperty("failureCounts").EnumerateArray().Single(c =>
                c.GetProperty("channel").GetString() == failure.GetProperty("channel").GetString()
                && c.GetProperty("operation").GetString() == failure.GetProperty("operation").GetString()
                && c.GetProperty("rawCode").GetString() == failure.GetProperty("rawCode").GetString());
            Assert.Equal("Customer", tally.GetProperty("cause").GetString());
            Assert.True(tally.GetProperty("count").GetInt32() >= 1);
        }
        finally
        {
            await Json.PostAsync(manager, "/api/dashboard/chaos", new { networkLatencyMs = 0, dropRate = 0.0, gatewayErrorRate = 0.0, userPayingDelayMs = 0, wrongPasswordRate = 0.0 });
        }

        await Json.PostAsync(diner, "/api/diner/pay", new { requestId = "w4", channel = "wechat" });
        var settled = await Json.EventuallyAsync(() => Json.GetAsync(diner, "/api/diner/table"), t => t.GetProperty("order").GetProperty("status").GetString() == "Settled", TimeSpan.FromSeconds(15));
        Assert.Equal("Settled", settled.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DinerEvents_AnotherDinerAddsDish_StreamSignalsChange()
    {
        using var watcher = Host.Diner("T08");
        using var adder = Host.Diner("T08");
        using var stream = await watcher.GetStreamAsync(new Uri("/api/diner/events", UriKind.Relative));
        using var reader = new StreamReader(stream);
        Assert.Equal("event: hello", await reader.ReadLineAsync());
        await Json.PostAsync(adder, "/api/diner/cart", Cart("e1", "Eve", Line("rice")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data: {\"type\":\"order\"", StringComparison.Ordinal));

        Assert.NotNull(line);
    }

    internal static object Cart(string requestId, string? diner, params ItemLine[] items) => new { requestId, diner, diners = 2, items };

    internal static ItemLine Line(string skuId, params (string Choice, int Quantity)[] modifiers) =>
        new(skuId, 1, modifiers.Select(m => new { choiceId = m.Choice, quantity = m.Quantity }).ToArray<object>(), null);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    internal sealed record ItemLine(string SkuId, int Quantity, object[] Modifiers, long? Price);
}
