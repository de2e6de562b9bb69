namespace DemoRestaurant.Tests;

public sealed class StoredValuePersistenceTests
{
    [Fact]
    public async Task StoredValuePayment_HostRestarted_BalanceKeptAndSeedNotAppliedTwice()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "demo-restaurant-ledger-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?> { ["Demo:DataDirectory"] = dataDirectory };
        try
        {
            await using (var host = await DemoHost.StartAsync(settings))
            {
                using var cashier = await host.StaffAsync("cashier", "cashier-demo");
                Assert.Equal(3000, await BalanceAsync(cashier, "M1002"));
                var order = await Json.PostAsync(cashier, "/api/staff/tables/T12/open", new { diners = 1 });
                var orderId = order.GetProperty("orderId").GetString()!;
                await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/items", DinerFlowTests.Cart("sv-items", null, DinerFlowTests.Line("cucumber")));
                var paid = await Json.PostAsync(cashier, $"/api/staff/orders/{orderId}/pay", new { requestId = "sv-pay", method = "stored", amount = 1000, memberId = "M1002" });
                Assert.Equal("Succeeded", paid.GetProperty("attempt").GetProperty("state").GetString());
                Assert.Equal(2000, await BalanceAsync(cashier, "M1002"));
            }

            await using (var restarted = await DemoHost.StartAsync(settings))
            {
                using var cashier = await restarted.StaffAsync("cashier", "cashier-demo");
                Assert.Equal(2000, await BalanceAsync(cashier, "M1002"));
                Assert.Equal(55000, await BalanceAsync(cashier, "M1001"));
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

    private static async Task<long> BalanceAsync(HttpClient cashier, string memberId)
    {
        var members = await Json.GetAsync(cashier, "/api/staff/members");
        return members.EnumerateArray().Single(m => m.GetProperty("id").GetString() == memberId).GetProperty("balance").GetInt64();
    }
}
