namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class FailureLogTests
{
    [Fact]
    public void Add_OutOfSequenceOrder_KeepsJournalOrder()
    {
        var log = new FailureLog(10);
        log.Add(3, Failure("c"));
        log.Add(1, Failure("a"));
        log.Add(4, Failure("d"));
        log.Add(2, Failure("b"));

        Assert.Equal(["a", "b", "c", "d"], log.ToArray().Select(f => f.AttemptId));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldestBySequence()
    {
        var log = new FailureLog(3);
        log.Add(2, Failure("b"));
        log.Add(3, Failure("c"));
        log.Add(4, Failure("d"));
        log.Add(1, Failure("a"));
        log.Add(5, Failure("e"));

        Assert.Equal(["c", "d", "e"], log.ToArray().Select(f => f.AttemptId));
    }

    [Fact]
    public void Add_EqualSequences_KeepArrivalOrder()
    {
        var log = new FailureLog(5);
        log.Add(0, Failure("a"));
        log.Add(0, Failure("b"));

        Assert.Equal(["a", "b"], log.ToArray().Select(f => f.AttemptId));
    }

    private static PaymentFailure Failure(string attemptId) =>
        new(attemptId, "O", PaymentChannelId.WeChatPay, PaymentOperation.Charge, FailureCause.Network, RecommendedAction.QueryThenDecide, "X", "x", FailureCatalog.Describe(FailureCause.Network, "X"), DateTimeOffset.UnixEpoch);
}
