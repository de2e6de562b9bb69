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

    /// <summary>The customer was paying but did not finish before the attempt's deadline (code pay give-up, or the customer-action timeout); it was closed at the channel.</summary>
    public const string CustomerDidNotPay = "ENGINE_CUSTOMER_DID_NOT_PAY";

    /// <summary>The channel never confirmed the outcome before the attempt's deadline; it was closed or reversed at the channel (money that still arrives is refunded).</summary>
    public const string GaveUpUnknown = "ENGINE_GAVE_UP_UNKNOWN";

    /// <summary>The channel reports the payment closed without money taken (cancelled by the customer, or expired there).</summary>
    public const string ClosedAtChannel = "ENGINE_CLOSED_AT_CHANNEL";

    /// <summary>The engine restarted before a cash tender's confirmation was journaled; the tender was closed and must be taken again.</summary>
    public const string CashNotConfirmed = "ENGINE_CASH_NOT_CONFIRMED";
}
