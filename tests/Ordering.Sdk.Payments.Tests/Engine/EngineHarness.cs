using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

// A small world: fake clock, in-memory journal, a fake WeChat and Alipay channel, cash and stored value.
internal sealed class EngineHarness
{
    public const string WeChatCode = "134567890123456789";
    public const string AlipayCode = "284567890123456789";

    public EngineHarness()
    {
        WeChat = new FakePaymentChannel(PaymentChannelId.WeChatPay, Time, new Random(1));
        Alipay = new FakePaymentChannel(PaymentChannelId.Alipay, Time, new Random(2));
        StoredValue = new StoredValueChannel(Ledger);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public InMemoryPaymentJournal Journal { get; } = new();

    public FakePaymentChannel WeChat { get; }

    public FakePaymentChannel Alipay { get; }

    public CashChannel Cash { get; } = new();

    public StoredValueLedger Ledger { get; } = new();

    public StoredValueChannel StoredValue { get; }

    // Retries back off on the fake clock, which only moves when a test advances it: no back-off in tests.
    public ChannelPolicy WeChatPolicy { get; set; } = NoBackOff(ChannelPolicy.WeChatPay());

    public static ChannelPolicy NoBackOff(ChannelPolicy policy)
    {
        policy.RetryBaseDelay = TimeSpan.Zero;
        return policy;
    }

    public async Task<IPaymentEngine> BuildAsync() =>
        await new PaymentEngineBuilder()
            .AddChannel(WeChat, WeChatPolicy)
            .AddChannel(Alipay, NoBackOff(ChannelPolicy.Alipay()))
            .AddChannel(Cash, NoBackOff(ChannelPolicy.Local()))
            .AddChannel(StoredValue, NoBackOff(ChannelPolicy.Local()))
            .UseJournal(Journal)
            .UseTimeProvider(Time)
            .UseRandom(new Random(7))
            .BuildAsync();

    public static TenderRequest Code(string order, long due, long amount, string key, string code = WeChatCode) =>
        new(order, Money.Fen(due), Money.Fen(amount), ChargeKind.CodePay, key) { PaymentCode = code };

    public static TenderRequest CashTender(string order, long due, long amount, long received, string key) =>
        new(order, Money.Fen(due), Money.Fen(amount), ChargeKind.Cash, key) { CashReceived = Money.Fen(received) };

    // Advances the clock second by second, running due work, for the given duration.
    public Task RunAsync(IPaymentEngine engine, TimeSpan duration) => RunAsync(engine, Time, duration);

    public static async Task RunAsync(IPaymentEngine engine, FakeTimeProvider time, TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromSeconds(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await engine.ProcessDueWorkAsync();
        }
    }
}
