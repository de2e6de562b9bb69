using Ordering.Sdk;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Storage.Sqlite;

namespace DemoRestaurant.Tests;

public sealed class LostSettlementTests
{
    [Fact]
    public async Task MoneyConfirmedWhileTheHostWasDown_OrderSettlesAtTheNextStart()
    {
        // The host settles an order when the engine raises the payment's success; a crash between journaling that
        // success and raising it loses the event. Here the payment is journaled by another engine on the same file
        // while the host is down, which is what the restarted host sees after such a crash.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "demo-restaurant-lost-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?> { ["Demo:DataDirectory"] = dataDirectory };
        try
        {
            string orderId;
            long due;
            await using (var host = await DemoHost.StartAsync(settings))
            {
                using var cashier = await host.StaffAsync("cashier", "cashier-demo");
                var order = await Json.PostAsync(cashier, "/api/staff/tables/T09/open", new { diners = 2 });
                orderId = order.GetProperty("orderId").GetString()!;
                await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/items", DinerFlowTests.Cart("lost-items", null, DinerFlowTests.Line("rice")));
                due = (await Json.GetAsync(cashier, "/api/staff/orders/" + orderId)).GetProperty("amountDue").GetInt64();
                Assert.True(due > 0);
            }

            await using (var journal = await SqlitePaymentJournal.OpenAsync(Path.Combine(dataDirectory, "payments.db")))
            {
                var engine = await new PaymentEngineBuilder().AddChannel(new CashChannel(), ChannelPolicy.Local()).UseJournal(journal).UseTimeProvider(TimeProvider.System).UseRandom(new Random(1)).BuildAsync();
                var paid = await engine.PayAsync(new TenderRequest(orderId, Money.Fen(due), Money.Fen(due), ChargeKind.Cash, orderId + ":lost-cash") { CashReceived = Money.Fen(due) });
                Assert.Equal(PaymentState.Succeeded, paid.State);
            }

            await using (var restarted = await DemoHost.StartAsync(settings))
            {
                using var cashier = await restarted.StaffAsync("cashier", "cashier-demo");
                var settled = await Json.EventuallyAsync(() => Json.GetAsync(cashier, "/api/staff/orders/" + orderId), o => o.GetProperty("status").GetString() == "Settled", TimeSpan.FromSeconds(15));
                Assert.Equal("Settled", settled.GetProperty("status").GetString());
            }
        }
        finally
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background thread; the temp directory is cleaned by the OS later.
            }
        }
    }
}
