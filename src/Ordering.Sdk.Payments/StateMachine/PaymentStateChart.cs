using System.Runtime.CompilerServices;

namespace Ordering.Sdk.Payments;

/// <summary>
/// The payment attempt state chart as a table: every (state, trigger) pair is either a transition or an
/// explicit refusal with a reason.
/// </summary>
/// <remarks>
/// <code>
/// Created → Pending ──► AwaitingCustomer
///             │   └─────────┬──────────────┐
///             ▼             ▼              ▼
///         Succeeded      Failed       Cancelling → Cancelled
///             ▼
///    PartiallyRefunded → Refunded
/// </code>
/// A success reported for a Failed, Cancelled or Cancelling attempt moves it to Succeeded: money found
/// after giving up is never ignored (the engine then refunds it automatically). Looking up a transition
/// allocates nothing.
/// </remarks>
/// <threadsafety>Stateless; safe to use from any thread.</threadsafety>
public static class PaymentStateChart
{
    /// <summary>The number of <see cref="PaymentState"/> values.</summary>
    public const int StateCount = 9;

    /// <summary>The number of <see cref="PaymentTrigger"/> values.</summary>
    public const int TriggerCount = 9;

    // One cell per (state, trigger): low byte = next state, high byte = refusal (0 means a transition).
    private static readonly ushort[] Cells = BuildCells();

    /// <summary>Looks up the transition for <paramref name="trigger"/> in <paramref name="from"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="to">The next state when the pair is a transition; otherwise <paramref name="from"/>.</param>
    /// <param name="refusal">Why the pair is refused, or <see cref="TransitionRefusal.None"/>.</param>
    /// <returns><see langword="true"/> when the pair is a transition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> or <paramref name="trigger"/> is not a defined value.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFire(PaymentState from, PaymentTrigger trigger, out PaymentState to, out TransitionRefusal refusal)
    {
        if ((uint)from >= StateCount || (uint)trigger >= TriggerCount)
        {
            ThrowOutOfRange(from, trigger);
        }

        var cell = Cells[((int)from * TriggerCount) + (int)trigger];
        refusal = (TransitionRefusal)(cell >> 8);
        if (refusal == TransitionRefusal.None)
        {
            to = (PaymentState)(cell & 0xFF);
            return true;
        }

        to = from;
        return false;
    }

    /// <summary>Gets a value indicating whether an attempt in <paramref name="state"/> still needs the channel to resolve it.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for Created, Pending, AwaitingCustomer and Cancelling.</returns>
    public static bool IsInFlight(PaymentState state) =>
        state is PaymentState.Created or PaymentState.Pending or PaymentState.AwaitingCustomer or PaymentState.Cancelling;

    /// <summary>Gets a value indicating whether money was captured in <paramref name="state"/> (possibly refunded since).</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for Succeeded, PartiallyRefunded and Refunded.</returns>
    public static bool HasCaptured(PaymentState state) =>
        state is PaymentState.Succeeded or PaymentState.PartiallyRefunded or PaymentState.Refunded;

    private static void ThrowOutOfRange(PaymentState from, PaymentTrigger trigger)
    {
        if ((uint)from >= StateCount)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Not a defined payment state.");
        }

        throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Not a defined payment trigger.");
    }

    private static ushort[] BuildCells()
    {
        const PaymentState Created = PaymentState.Created;
        const PaymentState Pending = PaymentState.Pending;
        const PaymentState Awaiting = PaymentState.AwaitingCustomer;
        const PaymentState Succeeded = PaymentState.Succeeded;
        const PaymentState Failed = PaymentState.Failed;
        const PaymentState Cancelling = PaymentState.Cancelling;
        const PaymentState Cancelled = PaymentState.Cancelled;
        const PaymentState Partially = PaymentState.PartiallyRefunded;
        const PaymentState Refunded = PaymentState.Refunded;

        var cells = new ushort[StateCount * TriggerCount];

        // Columns: Submit, OutcomeUnknown, CustomerPaying, Confirm, Decline, Cancel, CancelConfirmed, PartialRefund, FullRefund.
        Row(cells, Created, Go(Pending), No(TransitionRefusal.NotSubmitted), No(TransitionRefusal.NotSubmitted), No(TransitionRefusal.NotSubmitted),
            Go(Failed), Go(Cancelled), No(TransitionRefusal.NotCancelling), No(TransitionRefusal.NothingCaptured), No(TransitionRefusal.NothingCaptured));
        Row(cells, Pending, No(TransitionRefusal.AlreadySubmitted), Go(Pending), Go(Awaiting), Go(Succeeded),
            Go(Failed), Go(Cancelling), No(TransitionRefusal.NotCancelling), No(TransitionRefusal.NothingCaptured), No(TransitionRefusal.NothingCaptured));
        Row(cells, Awaiting, No(TransitionRefusal.AlreadySubmitted), Go(Awaiting), Go(Awaiting), Go(Succeeded),
            Go(Failed), Go(Cancelling), No(TransitionRefusal.NotCancelling), No(TransitionRefusal.NothingCaptured), No(TransitionRefusal.NothingCaptured));
        Row(cells, Succeeded, No(TransitionRefusal.AlreadySubmitted), No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.AlreadyResolved), Go(Succeeded),
            No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.CapturedUseRefund), No(TransitionRefusal.NotCancelling), Go(Partially), Go(Refunded));
        Row(cells, Failed, No(TransitionRefusal.AlreadySubmitted), No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.AlreadyResolved), Go(Succeeded),
            Go(Failed), No(TransitionRefusal.ResolvedWithoutCapture), No(TransitionRefusal.NotCancelling), No(TransitionRefusal.NothingCaptured), No(TransitionRefusal.NothingCaptured));
        Row(cells, Cancelling, No(TransitionRefusal.AlreadySubmitted), Go(Cancelling), Go(Cancelling), Go(Succeeded),
            Go(Cancelled), No(TransitionRefusal.AlreadyCancelling), Go(Cancelled), No(TransitionRefusal.NothingCaptured), No(TransitionRefusal.NothingCaptured));
        Row(cells, Cancelled, No(TransitionRefusal.AlreadySubmitted), No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.AlreadyResolved), Go(Succeeded),
            No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.ResolvedWithoutCapture), Go(Cancelled), No(TransitionRefusal.NothingCaptured), No(TransitionRefusal.NothingCaptured));
        Row(cells, Partially, No(TransitionRefusal.AlreadySubmitted), No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.AlreadyResolved), Go(Partially),
            No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.CapturedUseRefund), No(TransitionRefusal.NotCancelling), Go(Partially), Go(Refunded));
        Row(cells, Refunded, No(TransitionRefusal.AlreadySubmitted), No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.AlreadyResolved), Go(Refunded),
            No(TransitionRefusal.AlreadyResolved), No(TransitionRefusal.FullyRefunded), No(TransitionRefusal.NotCancelling), No(TransitionRefusal.FullyRefunded), No(TransitionRefusal.FullyRefunded));
        return cells;
    }

    private static ushort Go(PaymentState to) => (ushort)to;

    private static ushort No(TransitionRefusal refusal) => (ushort)((int)refusal << 8);

    private static void Row(ushort[] cells, PaymentState state, params ReadOnlySpan<ushort> row)
    {
        row.CopyTo(cells.AsSpan((int)state * TriggerCount, TriggerCount));
    }
}
