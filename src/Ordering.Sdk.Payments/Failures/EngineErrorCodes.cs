namespace Ordering.Sdk.Payments;

/// <summary>The codes the engine itself reports in <see cref="PaymentFailure.RawCode"/> when no channel answered.</summary>
public static class EngineErrorCodes
{
    /// <summary>The scanned code is neither a WeChat Pay nor an Alipay payment code; no channel was called.</summary>
    public const string InvalidPaymentCode = "ENGINE_INVALID_PAYMENT_CODE";

    /// <summary>The channel's circuit breaker is open; the charge was not sent.</summary>
    public const string CircuitOpen = "ENGINE_CIRCUIT_OPEN";

    /// <summary>The tender is larger than what is still outstanding on the order (including payments in progress).</summary>
    public const string ExceedsOutstanding = "ENGINE_EXCEEDS_OUTSTANDING";

    /// <summary>
    /// The tender is larger than what is open because an earlier attempt for the order is still in flight (waiting for the
    /// customer or for an answer); cancelling that attempt (<see cref="IPaymentEngine.CancelAsync"/>) releases its amount.
    /// </summary>
    public const string EarlierAttemptInFlight = "ENGINE_EARLIER_ATTEMPT_IN_FLIGHT";

    /// <summary>The call did not answer in time; the outcome is unknown.</summary>
    public const string Timeout = "ENGINE_TIMEOUT";

    /// <summary>The call failed in transport (connection reset, I/O error); the outcome is unknown.</summary>
    public const string TransportError = "ENGINE_TRANSPORT_ERROR";

    /// <summary>Money was captured after the engine gave up; it was refunded automatically.</summary>
    public const string LateSuccessRefunded = "ENGINE_LATE_SUCCESS_REFUNDED";

    /// <summary>A notification's amount does not match the attempt; it was rejected.</summary>
    public const string NotificationMismatch = "ENGINE_NOTIFICATION_MISMATCH";

    /// <summary>No channel is registered for the requested method.</summary>
    public const string ChannelNotConfigured = "ENGINE_CHANNEL_NOT_CONFIGURED";

    /// <summary>The engine restarted before a cash tender's confirmation was journaled; the tender was closed and must be taken again.</summary>
    public const string CashNotConfirmed = "ENGINE_CASH_NOT_CONFIRMED";
}
