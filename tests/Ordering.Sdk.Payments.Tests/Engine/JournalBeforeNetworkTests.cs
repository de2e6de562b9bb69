namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class JournalBeforeNetworkTests
{
    // A channel that looks at the journal at the moment each request would leave the process.
    private sealed class SpyChannel(InMemoryPaymentJournal journal) : IPaymentChannel
    {
        public List<(string Operation, PaymentJournalEntryKind[] Journal)> Seen { get; } = [];

        public PaymentChannelId Id => PaymentChannelId.WeChatPay;

        public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) => Record("charge", ChannelResult.Success(request.Amount));

        public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken) => Record("query", ChannelResult.NotFound());

        public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) => Record("cancel", ChannelResult.Cancelled());

        public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken) => Record("refund", ChannelResult.Success(request.Amount));

        public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) => Record("refund-query", ChannelResult.NotFound());

        private ValueTask<ChannelResult> Record(string operation, ChannelResult result)
        {
            var kinds = journal.ReadAllAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().Select(e => e.Kind).ToArray();
            Seen.Add((operation, kinds));
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task ChargeAndRefund_LeaveTheProcessOnlyAfterTheirIntentIsJournaled()
    {
        var journal = new InMemoryPaymentJournal();
        var spy = new SpyChannel(journal);
        var engine = await new PaymentEngineBuilder().AddChannel(spy, EngineHarness.NoBackOff(ChannelPolicy.WeChatPay())).UseJournal(journal).UseRandom(new Random(1)).BuildAsync();

        await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"));
        await engine.RefundAsync(new RefundRequest("O1", "R1") { Amount = Money.Fen(400) });

        var charge = Assert.Single(spy.Seen, s => s.Operation == "charge");
        Assert.Equal([PaymentJournalEntryKind.AttemptCreated], charge.Journal);
        var refund = Assert.Single(spy.Seen, s => s.Operation == "refund");
        Assert.Equal(PaymentJournalEntryKind.RefundRequested, refund.Journal[^1]);
    }
}
