using Microsoft.Extensions.Time.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

// A channel that answers each charge with the next scripted result (and says so when the script runs out) and each
// query with the next scripted one, then QueryDefault; it records every charge request it was sent.
internal sealed class ScriptedChannel : IPaymentChannel
{
    public Queue<ChannelResult> Charges { get; } = new();

    public Queue<ChannelResult> Queries { get; } = new();

    public List<ChargeRequest> ChargeRequests { get; } = [];

    // Answers to cancels, then "cancelled".
    public Queue<ChannelResult> Cancels { get; } = new();

    public int CancelCount { get; private set; }

    // The answer to a query once Queries is empty.
    public ChannelResult QueryDefault { get; set; } = ChannelResult.Paying();

    public int QueryCount { get; private set; }

    public PaymentChannelId Id => PaymentChannelId.WeChatPay;

    // An engine with only this channel (as WeChat Pay, default policy without back-off), on a fake clock.
    public async Task<(IPaymentEngine Engine, FakeTimeProvider Time)> BuildEngineAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var engine = await new PaymentEngineBuilder()
            .AddChannel(this, EngineHarness.NoBackOff(ChannelPolicy.WeChatPay()))
            .UseJournal(new InMemoryPaymentJournal())
            .UseTimeProvider(time)
            .UseRandom(new Random(7))
            .BuildAsync();
        return (engine, time);
    }

    public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ChargeRequests.Add(request);
        return ValueTask.FromResult(Charges.Count > 0 ? Charges.Dequeue() : throw new InvalidOperationException("No scripted answer for charge #" + ChargeRequests.Count + "."));
    }

    public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        QueryCount++;
        return ValueTask.FromResult(Queries.Count > 0 ? Queries.Dequeue() : QueryDefault);
    }

    public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        CancelCount++;
        return ValueTask.FromResult(Cancels.Count > 0 ? Cancels.Dequeue() : ChannelResult.Cancelled());
    }

    public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("No refunds here.");

    public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) => throw new InvalidOperationException("No refunds here.");
}
