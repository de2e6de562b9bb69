namespace Ordering.Sdk.Payments.Alipay;

// The request may or may not have reached Alipay (timeout, reset, 5xx): the outcome is unknown.
internal sealed class AlipayTransportException(string rawCode, string message, FailureCause cause, Exception? inner = null)
    : Exception(message, inner)
{
    public string RawCode { get; } = rawCode;

    public FailureCause Cause { get; } = cause;

    public ChannelError ToError() => new(Cause, RawCode, Message, RecommendedAction.QueryThenDecide);
}
