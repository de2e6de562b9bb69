namespace Ordering.Sdk.Payments;

/// <summary>Data of <see cref="IPaymentEngine.FailureRecorded"/>.</summary>
/// <param name="failure">The failure.</param>
public sealed class PaymentFailureEventArgs(PaymentFailure failure) : EventArgs
{
    /// <summary>Gets the failure.</summary>
    public PaymentFailure Failure { get; } = failure;
}

/// <summary>Data of <see cref="IPaymentEngine.AttemptChanged"/>.</summary>
/// <param name="attempt">The attempt after the change.</param>
/// <param name="previousState">The state before the change.</param>
public sealed class PaymentAttemptChangedEventArgs(PaymentAttemptSnapshot attempt, PaymentState previousState) : EventArgs
{
    /// <summary>Gets the attempt after the change.</summary>
    public PaymentAttemptSnapshot Attempt { get; } = attempt;

    /// <summary>Gets the state before the change.</summary>
    public PaymentState PreviousState { get; } = previousState;
}

/// <summary>Data of <see cref="IPaymentEngine.LateSuccessDetected"/>: money captured after the engine gave up, being refunded.</summary>
/// <param name="attempt">The attempt.</param>
/// <param name="refundNumber">The automatic refund's channel refund number.</param>
public sealed class LateSuccessEventArgs(PaymentAttemptSnapshot attempt, string refundNumber) : EventArgs
{
    /// <summary>Gets the attempt.</summary>
    public PaymentAttemptSnapshot Attempt { get; } = attempt;

    /// <summary>Gets the automatic refund's channel refund number.</summary>
    public string RefundNumber { get; } = refundNumber;
}
