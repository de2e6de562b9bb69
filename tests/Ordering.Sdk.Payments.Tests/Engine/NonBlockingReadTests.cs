using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class NonBlockingReadTests
{
    [Fact]
    public async Task Reads_WhileJournalAppendIsBlocked_CompleteWithLastPublishedState()
    {
        var world = new EngineHarness();
        var journal = new GatedJournal(world.Journal);
        var engine = await new PaymentEngineBuilder()
            .AddChannel(world.WeChat, EngineHarness.NoBackOff(ChannelPolicy.WeChatPay()))
            .AddChannel(world.Cash, EngineHarness.NoBackOff(ChannelPolicy.Local()))
            .UseJournal(journal)
            .UseTimeProvider(world.Time)
            .UseRandom(new Random(7))
            .BuildAsync();
        var first = await engine.PayAsync(EngineHarness.CashTender("O", 10_000, 4_000, 5_000, "k1"));

        journal.Close();
        var blocked = engine.PayAsync(EngineHarness.CashTender("O", 10_000, 6_000, 6_000, "k2")).AsTask();
        await journal.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(blocked.IsCompleted);

        // Every read runs on another thread while the writer holds the engine's mutex inside the journal append.
        var reads = Task.Run(() => (
            engine.GetAttempt(first.AttemptId),
            engine.GetAttempts("O"),
            engine.GetOrderStatus("O"),
            engine.GetFailures("O"),
            engine.NextDueAt));
        var (attempt, attempts, status, failures, nextDue) = await reads.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PaymentState.Succeeded, attempt!.State);
        Assert.Single(attempts);
        Assert.Equal(Money.Fen(4_000), status.Confirmed);
        Assert.False(status.IsSettled);
        Assert.Empty(failures);
        Assert.Null(nextDue);

        journal.Open();
        var second = await blocked.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(PaymentState.Succeeded, second.State);
        Assert.True(engine.GetOrderStatus("O").IsSettled);
        Assert.Equal(2, engine.GetAttempts("O").Count);
    }

    [Fact]
    public async Task Reads_AfterRestart_SeeTheJournaledState()
    {
        var world = new EngineHarness();
        var first = await world.BuildAsync();
        world.WeChat.EnqueueFault(FakeCallFault.ResponseLost);
        var attempt = await first.PayAsync(EngineHarness.Code("O", 1000, 1000, "k"));

        var second = await world.BuildAsync();

        Assert.Equal(PaymentState.Pending, second.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(Money.Fen(1000), second.GetOrderStatus("O").InProgress);
        Assert.NotNull(second.NextDueAt);
        Assert.NotEmpty(second.GetFailures("O"));
    }
}
