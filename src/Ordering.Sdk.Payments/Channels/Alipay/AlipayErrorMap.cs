namespace Ordering.Sdk.Payments.Alipay;

// Alipay result codes → the failure taxonomy. 10000 and 10003 are not failures and never reach here.
internal static class AlipayErrorMap
{
    public const string Success = "10000";
    public const string InProgress = "10003";
    public const string Unavailable = "20000";
    public const string BusinessFailure = "40004";

    private static readonly Dictionary<string, (FailureCause Cause, RecommendedAction Action)> SubCodes = new(StringComparer.Ordinal)
    {
        ["ACQ.SYSTEM_ERROR"] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide),
        ["ACQ.PAYMENT_AUTH_CODE_INVALID"] = (FailureCause.Customer, RecommendedAction.AskForNewCode),
        ["ACQ.BUYER_BALANCE_NOT_ENOUGH"] = (FailureCause.Customer, RecommendedAction.AskForNewCode),
        ["ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH"] = (FailureCause.Customer, RecommendedAction.AskForNewCode),
        ["ACQ.ERROR_BALANCE_PAYMENT_DISABLE"] = (FailureCause.Customer, RecommendedAction.SwitchMethod),
        ["ACQ.PAYMENT_FAIL"] = (FailureCause.Customer, RecommendedAction.AskForNewCode),
        ["ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"] = (FailureCause.Customer, RecommendedAction.SwitchMethod),
        ["ACQ.PULL_MOBILE_CASHIER_FAIL"] = (FailureCause.Customer, RecommendedAction.SwitchMethod),
        ["ACQ.MOBILE_PAYMENT_SWITCH_OFF"] = (FailureCause.Customer, RecommendedAction.SwitchMethod),
        ["ACQ.BUYER_ENABLE_STATUS_FORBID"] = (FailureCause.Customer, RecommendedAction.SwitchMethod),
        ["ACQ.BUYER_SELLER_EQUAL"] = (FailureCause.Customer, RecommendedAction.SwitchMethod),
        ["ACQ.PAYMENT_REQUEST_HAS_RISK"] = (FailureCause.Risk, RecommendedAction.SwitchMethod),
        ["ACQ.TRADE_HAS_SUCCESS"] = (FailureCause.Duplicate, RecommendedAction.QueryThenDecide),
        ["ACQ.TRADE_HAS_CLOSE"] = (FailureCause.Duplicate, RecommendedAction.AskForNewCode),
        ["ACQ.CONTEXT_INCONSISTENT"] = (FailureCause.Duplicate, RecommendedAction.AskForNewCode),
        ["ACQ.TRADE_BUYER_NOT_MATCH"] = (FailureCause.Duplicate, RecommendedAction.AskForNewCode),
        ["ACQ.TRADE_STATUS_ERROR"] = (FailureCause.Duplicate, RecommendedAction.QueryThenDecide),
        ["ACQ.TRADE_NOT_EXIST"] = (FailureCause.Unknown, RecommendedAction.QueryThenDecide),
        ["ACQ.INVALID_PARAMETER"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.ACCESS_FORBIDDEN"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.PARTNER_ERROR"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.TOTAL_FEE_EXCEED"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.EXIST_FORBIDDEN_WORD"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.SELLER_BEEN_BLOCKED"] = (FailureCause.Configuration, RecommendedAction.ContactChannel),
        ["ACQ.INVALID_STORE_ID"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.REASON_TRADE_REFUND_FEE_ERR"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["ACQ.SELLER_BALANCE_NOT_ENOUGH"] = (FailureCause.Configuration, RecommendedAction.ContactChannel),
        ["isv.invalid-signature"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["isv.invalid-app-id"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration),
        ["isp.unknow-error"] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide),
        ["aop.ACQ.SYSTEM_ERROR"] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide),
    };

    // True when the answer says nothing definite about the money: only a query can tell.
    public static bool IsOutcomeUnknown(string code, string? subCode) =>
        code == Unavailable || (subCode is not null && SubCodes.TryGetValue(subCode, out var entry) && entry.Cause == FailureCause.GatewayUnavailable);

    public static ChannelError Map(string code, string? subCode, string? message)
    {
        var raw = string.IsNullOrEmpty(subCode) ? code : subCode;
        var text = string.IsNullOrEmpty(message) ? code : message;
        if (subCode is not null && SubCodes.TryGetValue(subCode, out var known))
        {
            return new ChannelError(known.Cause, raw, text, known.Action);
        }

        var (cause, action) = code switch
        {
            Unavailable => (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide),
            "20001" or "40001" or "40002" or "40006" => (FailureCause.Configuration, RecommendedAction.FixConfiguration),
            _ when subCode is not null && (subCode.StartsWith("isv.", StringComparison.Ordinal) || subCode.StartsWith("aop.", StringComparison.Ordinal)) =>
                (FailureCause.Configuration, RecommendedAction.FixConfiguration),
            _ when subCode is not null && subCode.StartsWith("isp.", StringComparison.Ordinal) => (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide),
            _ => (FailureCause.Unknown, RecommendedAction.ContactChannel),
        };
        return new ChannelError(cause, raw, text, action);
    }
}
