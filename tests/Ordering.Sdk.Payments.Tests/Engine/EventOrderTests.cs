namespace Ordering.Sdk.Payments.Tests.Engine;

// The engine raises events after it releases the order's lock, so another thread may change the same order while a
// handler still runs. The handler must still see that order's events one at a time, in the order they happened.
public sealed class EventOrderTests
{
    [Fact]
    public async Task SlowHandler_AnotherThreadChangesTheSameOrder_EventsStillArriveInOrderAndOneAtATime()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Paying("prompt"));
        var (engine, _) = await channel.BuildEngineAsync();
        using var firstEventEntered = new ManualResetEventSlim();
        using var releaseFirstEvent = new ManualResetEventSlim();
        var seen = new List<(PaymentState From, PaymentState To)>();
        var running = 0;
        var overlapped = false;
        engine.AttemptChanged += (_, e) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            if (!firstEventEntered.IsSet)
            {
                firstEventEntered.Set();
                Assert.True(releaseFirstEvent.Wait(TimeSpan.FromSeconds(30)));
            }

            lock (seen)
            {
                seen.Add((e.PreviousState, e.Attempt.State));
            }

            Interlocked.Decrement(ref running);
        };

        // The pay call's thread delivers its first event and stalls in the handler, holding no lock.
        var paying = Task.Run(async () => await engine.PayAsync(new TenderRequest("O", Money.Fen(900), Money.Fen(900), ChargeKind.QrCode, "k") { Channel = PaymentChannelId.WeChatPay }));
        Assert.True(firstEventEntered.Wait(TimeSpan.FromSeconds(30)));
        var attemptId = engine.GetAttempts("O").Single().AttemptId;

        // Meanwhile staff cancel on this thread: the cancel itself must not wait for the stalled handler.
        var cancelled = await engine.CancelAsync(attemptId).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(PaymentState.Cancelling, cancelled.State);
        releaseFirstEvent.Set();
        await paying.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(overlapped);
        Assert.Equal(
            [(PaymentState.Created, PaymentState.Pending), (PaymentState.Pending, PaymentState.AwaitingCustomer), (PaymentState.AwaitingCustomer, PaymentState.Cancelling)],
            seen);
    }

    [Fact]
    public async Task HandlerCallsBackIntoTheEngine_SameOrder_NoDeadlockAndTheNewEventFollows()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Paying("prompt"));
        var (engine, _) = await channel.BuildEngineAsync();
        var seen = new List<PaymentState>();
        engine.AttemptChanged += (_, e) =>
        {
            seen.Add(e.Attempt.State);
            if (e.Attempt.State == PaymentState.AwaitingCustomer)
            {
                // A handler that reacts by cancelling (say, the diner closed the page) re-enters the same order.
                engine.CancelAsync(e.Attempt.AttemptId).AsTask().GetAwaiter().GetResult();
            }
        };

        await engine.PayAsync(new TenderRequest("O", Money.Fen(900), Money.Fen(900), ChargeKind.QrCode, "k") { Channel = PaymentChannelId.WeChatPay }).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([PaymentState.Pending, PaymentState.AwaitingCustomer, PaymentState.Cancelling], seen);
    }
}
