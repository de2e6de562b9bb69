using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.StateMachine;

public sealed class PaymentStateChartTests
{
    // The chart of DESIGN.md written out independently of the implementation: "from|trigger" -> to.
    private static readonly Dictionary<(PaymentState, PaymentTrigger), PaymentState> Expected = new()
    {
        [(PaymentState.Created, PaymentTrigger.Submit)] = PaymentState.Pending,
        [(PaymentState.Created, PaymentTrigger.Decline)] = PaymentState.Failed,
        [(PaymentState.Created, PaymentTrigger.Cancel)] = PaymentState.Cancelled,
        [(PaymentState.Pending, PaymentTrigger.OutcomeUnknown)] = PaymentState.Pending,
        [(PaymentState.Pending, PaymentTrigger.CustomerPaying)] = PaymentState.AwaitingCustomer,
        [(PaymentState.Pending, PaymentTrigger.Confirm)] = PaymentState.Succeeded,
        [(PaymentState.Pending, PaymentTrigger.Decline)] = PaymentState.Failed,
        [(PaymentState.Pending, PaymentTrigger.Cancel)] = PaymentState.Cancelling,
        [(PaymentState.AwaitingCustomer, PaymentTrigger.OutcomeUnknown)] = PaymentState.AwaitingCustomer,
        [(PaymentState.AwaitingCustomer, PaymentTrigger.CustomerPaying)] = PaymentState.AwaitingCustomer,
        [(PaymentState.AwaitingCustomer, PaymentTrigger.Confirm)] = PaymentState.Succeeded,
        [(PaymentState.AwaitingCustomer, PaymentTrigger.Decline)] = PaymentState.Failed,
        [(PaymentState.AwaitingCustomer, PaymentTrigger.Cancel)] = PaymentState.Cancelling,
        [(PaymentState.Succeeded, PaymentTrigger.Confirm)] = PaymentState.Succeeded,
        [(PaymentState.Succeeded, PaymentTrigger.PartialRefund)] = PaymentState.PartiallyRefunded,
        [(PaymentState.Succeeded, PaymentTrigger.FullRefund)] = PaymentState.Refunded,
        [(PaymentState.Failed, PaymentTrigger.Confirm)] = PaymentState.Succeeded,
        [(PaymentState.Failed, PaymentTrigger.Decline)] = PaymentState.Failed,
        [(PaymentState.Cancelling, PaymentTrigger.OutcomeUnknown)] = PaymentState.Cancelling,
        [(PaymentState.Cancelling, PaymentTrigger.CustomerPaying)] = PaymentState.Cancelling,
        [(PaymentState.Cancelling, PaymentTrigger.Confirm)] = PaymentState.Succeeded,
        [(PaymentState.Cancelling, PaymentTrigger.Decline)] = PaymentState.Cancelled,
        [(PaymentState.Cancelling, PaymentTrigger.CancelConfirmed)] = PaymentState.Cancelled,
        [(PaymentState.Cancelled, PaymentTrigger.Confirm)] = PaymentState.Succeeded,
        [(PaymentState.Cancelled, PaymentTrigger.CancelConfirmed)] = PaymentState.Cancelled,
        [(PaymentState.PartiallyRefunded, PaymentTrigger.Confirm)] = PaymentState.PartiallyRefunded,
        [(PaymentState.PartiallyRefunded, PaymentTrigger.PartialRefund)] = PaymentState.PartiallyRefunded,
        [(PaymentState.PartiallyRefunded, PaymentTrigger.FullRefund)] = PaymentState.Refunded,
        [(PaymentState.Refunded, PaymentTrigger.Confirm)] = PaymentState.Refunded,
    };

    public static TheoryData<PaymentState, PaymentTrigger> AllPairs()
    {
        var data = new TheoryData<PaymentState, PaymentTrigger>();
        foreach (var state in Enum.GetValues<PaymentState>())
        {
            foreach (var trigger in Enum.GetValues<PaymentTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void TryFire_EveryPair_IsTheExpectedTransitionOrAnExplicitRefusal(PaymentState from, PaymentTrigger trigger)
    {
        var fired = PaymentStateChart.TryFire(from, trigger, out var to, out var refusal);

        if (Expected.TryGetValue((from, trigger), out var expectedTo))
        {
            Assert.True(fired);
            Assert.Equal(expectedTo, to);
            Assert.Equal(TransitionRefusal.None, refusal);
        }
        else
        {
            Assert.False(fired);
            Assert.Equal(from, to);
            Assert.NotEqual(TransitionRefusal.None, refusal);
        }
    }

    [Theory]
    [InlineData(PaymentState.Succeeded, PaymentTrigger.Cancel, TransitionRefusal.CapturedUseRefund)]
    [InlineData(PaymentState.Pending, PaymentTrigger.Submit, TransitionRefusal.AlreadySubmitted)]
    [InlineData(PaymentState.Failed, PaymentTrigger.PartialRefund, TransitionRefusal.NothingCaptured)]
    [InlineData(PaymentState.Refunded, PaymentTrigger.FullRefund, TransitionRefusal.FullyRefunded)]
    [InlineData(PaymentState.Cancelling, PaymentTrigger.Cancel, TransitionRefusal.AlreadyCancelling)]
    [InlineData(PaymentState.Created, PaymentTrigger.Confirm, TransitionRefusal.NotSubmitted)]
    public void TryFire_RefusedPair_NamesTheReason(PaymentState from, PaymentTrigger trigger, TransitionRefusal expected)
    {
        Assert.False(PaymentStateChart.TryFire(from, trigger, out _, out var refusal));
        Assert.Equal(expected, refusal);
    }

    [Fact]
    public void TryFire_UndefinedValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentStateChart.TryFire((PaymentState)42, PaymentTrigger.Submit, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentStateChart.TryFire(PaymentState.Pending, (PaymentTrigger)42, out _, out _));
    }

    [Fact]
    public void TryFire_AfterWarmUp_AllocatesNothing()
    {
        RunLifecycles(10);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refunded = RunLifecycles(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1000, refunded);
        Assert.Equal(0, allocated);
    }

    [Property]
    public bool TryFire_AnySequence_NeverLeavesACapturedStateWithoutRefund(byte[] triggers)
    {
        var state = PaymentState.Created;
        var captured = false;
        foreach (var raw in triggers)
        {
            var trigger = (PaymentTrigger)(raw % PaymentStateChart.TriggerCount);
            if (PaymentStateChart.TryFire(state, trigger, out var next, out _))
            {
                // Once money is captured, only refund triggers may move the attempt, and only forward.
                if (captured && !PaymentStateChart.HasCaptured(next))
                {
                    return false;
                }

                state = next;
                captured |= PaymentStateChart.HasCaptured(state);
            }
        }

        return true;
    }

    private static int RunLifecycles(int count)
    {
        var refunded = 0;
        for (var i = 0; i < count; i++)
        {
            var state = PaymentState.Created;
            PaymentStateChart.TryFire(state, PaymentTrigger.Submit, out state, out _);
            PaymentStateChart.TryFire(state, PaymentTrigger.CustomerPaying, out state, out _);
            PaymentStateChart.TryFire(state, PaymentTrigger.Confirm, out state, out _);
            PaymentStateChart.TryFire(state, PaymentTrigger.PartialRefund, out state, out _);
            PaymentStateChart.TryFire(state, PaymentTrigger.FullRefund, out state, out _);
            refunded += state == PaymentState.Refunded ? 1 : 0;
        }

        return refunded;
    }
}
