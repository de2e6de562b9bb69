using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Payments;

public sealed class SqlitePaymentsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddOrderingSdkSqlitePayments_AfterOrBeforePayments_PersistsAttemptsAndBalancesAcrossProviders()
    {
        using var temp = new TempDatabase();
        string attemptId;
        await using (var first = new ServiceCollection().AddOrderingSdkPayments().AddOrderingSdkSqlitePayments(temp.FilePath).BuildServiceProvider())
        {
            Assert.IsType<SqlitePaymentJournal>(first.GetRequiredService<IPaymentJournal>());
            var ledger = first.GetRequiredService<IStoredValueLedger>();
            Assert.IsType<SqliteStoredValueLedger>(ledger);
            await ledger.TopUpAsync("M1", Money.Fen(1000), Money.Fen(200), "t1");
            var engine = first.GetRequiredService<IPaymentEngine>();
            attemptId = (await engine.PayAsync(new TenderRequest("O1", Money.Fen(600), Money.Fen(600), ChargeKind.StoredValue, "k1") { PayerId = "M1" })).AttemptId;
        }

        await using var second = new ServiceCollection().AddOrderingSdkSqlitePayments(temp.FilePath).AddOrderingSdkPayments().BuildServiceProvider();
        var resumed = second.GetRequiredService<IPaymentEngine>();

        Assert.Equal(PaymentState.Succeeded, resumed.GetAttempt(attemptId)!.State);
        Assert.True(resumed.GetOrderStatus("O1").IsSettled);
        Assert.Equal(Money.Fen(600), (await second.GetRequiredService<IStoredValueLedger>().GetBalanceAsync("M1")).Total);
    }

    [Fact]
    public void AddOrderingSdkSqlitePayments_MissingDirectory_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "store.db");

        var error = Assert.Throws<ArgumentException>(() => services.AddOrderingSdkSqlitePayments(path));

        Assert.Equal("filePath", error.ParamName);
        Assert.Throws<ArgumentException>(() => services.AddOrderingSdkSqlitePayments(" "));
        Assert.Empty(services);
    }
}
