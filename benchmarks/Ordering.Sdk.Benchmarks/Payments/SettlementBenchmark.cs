using BenchmarkDotNet.Attributes;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Benchmarks;

// Split-tender settlement (cash + stored value + WeChat confirmed on one order): how far is the order paid?
// Asked on every screen refresh at the till; it must allocate nothing.
[MemoryDiagnoser]
public class SettlementBenchmark
{
    private IPaymentEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ledger = new StoredValueLedger();
        ledger.TopUp("M1", Money.Fen(50_000), Money.Fen(5_000), "t1");
        _engine = new PaymentEngineBuilder()
            .AddChannel(new CashChannel())
            .AddChannel(new StoredValueChannel(ledger))
            .UseJournal(new InMemoryPaymentJournal())
            .UseTimeProvider(TimeProvider.System)
            .UseRandom(new Random(1))
            .BuildAsync().AsTask().GetAwaiter().GetResult();
        var due = Money.Fen(12_345);
        _engine.PayAsync(new TenderRequest("O1", due, Money.Fen(5_000), ChargeKind.Cash, "a") { CashReceived = Money.Fen(10_000) }).AsTask().GetAwaiter().GetResult();
        _engine.PayAsync(new TenderRequest("O1", due, Money.Fen(4_000), ChargeKind.StoredValue, "b") { PayerId = "M1" }).AsTask().GetAwaiter().GetResult();
        _engine.PayAsync(new TenderRequest("O1", due, Money.Fen(3_345), ChargeKind.Cash, "c") { CashReceived = Money.Fen(3_345) }).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public bool IsSettled() => _engine.GetOrderStatus("O1").IsSettled;
}
