namespace Ordering.Sdk.Payments;

// WeChat Pay's error codes (APIv3 "code" and API v2 err_code) in the failure taxonomy. Whether a code
// leaves the outcome unknown (query before deciding) is part of the mapping: SYSTEMERROR never fails a charge.
internal static class WeChatPayErrors
{
    public const string Timeout = "WECHATPAY_TIMEOUT";
    public const string TransportError = "WECHATPAY_TRANSPORT_ERROR";
    public const string Unreachable = "WECHATPAY_UNREACHABLE";
    public const string BadResponseSignature = "WECHATPAY_RESPONSE_SIGNATURE_INVALID";
    public const string UnsignedServerError = "WECHATPAY_SERVER_ERROR";
    public const string MalformedResponse = "WECHATPAY_MALFORMED_RESPONSE";
    public const string LocalParameter = "WECHATPAY_INVALID_REQUEST";

    private static readonly Dictionary<string, (FailureCause Cause, RecommendedAction Action, bool OutcomeUnknown)> Table = new(StringComparer.Ordinal)
    {
        // The outcome is unknown: query (same out_trade_no), never charge again.
        ["SYSTEMERROR"] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true),
        ["SYSTEM_ERROR"] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true),
        ["BANKERROR"] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true),
        ["BANK_ERROR"] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true),
        ["ORDERPAID"] = (FailureCause.Duplicate, RecommendedAction.QueryThenDecide, true),
        ["OUT_TRADE_NO_USED"] = (FailureCause.Duplicate, RecommendedAction.QueryThenDecide, true),

        // The customer's side.
        ["AUTHCODEEXPIRE"] = (FailureCause.Customer, RecommendedAction.AskForNewCode, false),
        ["AUTH_CODE_EXPIRE"] = (FailureCause.Customer, RecommendedAction.AskForNewCode, false),
        ["AUTH_CODE_ERROR"] = (FailureCause.Customer, RecommendedAction.AskForNewCode, false),
        ["AUTH_CODE_INVALID"] = (FailureCause.Customer, RecommendedAction.AskForNewCode, false),
        ["NOTENOUGH"] = (FailureCause.Customer, RecommendedAction.SwitchMethod, false),
        ["NOT_ENOUGH"] = (FailureCause.Customer, RecommendedAction.SwitchMethod, false),
        ["NOTSUPORTCARD"] = (FailureCause.Customer, RecommendedAction.SwitchMethod, false),
        ["TRADE_ERROR"] = (FailureCause.Customer, RecommendedAction.RetrySame, false),
        ["PASSWORD_ERROR"] = (FailureCause.Customer, RecommendedAction.RetrySame, false),
        ["PAYERROR"] = (FailureCause.Customer, RecommendedAction.RetrySame, false),
        ["USER_CANCELLED"] = (FailureCause.Customer, RecommendedAction.RetrySame, false),
        ["USER_ACCOUNT_ABNORMAL"] = (FailureCause.Customer, RecommendedAction.SwitchMethod, false),

        // The v3 error table: 403 ACCOUNTERROR "账号异常 — 用户账号异常" is the payer's account, not the merchant's.
        ["ACCOUNT_ERROR"] = (FailureCause.Customer, RecommendedAction.SwitchMethod, false),
        ["ACCOUNTERROR"] = (FailureCause.Customer, RecommendedAction.SwitchMethod, false),

        // A new merchant order number is needed; the engine uses one per attempt.
        ["ORDERCLOSED"] = (FailureCause.Duplicate, RecommendedAction.RetrySame, false),
        ["ORDER_CLOSED"] = (FailureCause.Duplicate, RecommendedAction.RetrySame, false),
        ["ORDERREVERSED"] = (FailureCause.Duplicate, RecommendedAction.RetrySame, false),
        ["ORDER_REVERSED"] = (FailureCause.Duplicate, RecommendedAction.RetrySame, false),
        ["BUYER_MISMATCH"] = (FailureCause.Duplicate, RecommendedAction.RetrySame, false),

        // Throttled.
        ["FREQUENCY_LIMITED"] = (FailureCause.RateLimited, RecommendedAction.RetrySame, false),
        ["FREQUENCY_LIMIT_EXCEED"] = (FailureCause.RateLimited, RecommendedAction.RetrySame, false),
        ["RATELIMIT_EXCEEDED"] = (FailureCause.RateLimited, RecommendedAction.RetrySame, false),

        // Risk control.
        ["RULELIMIT"] = (FailureCause.Risk, RecommendedAction.SwitchMethod, false),
        ["RULE_LIMIT"] = (FailureCause.Risk, RecommendedAction.SwitchMethod, false),
        ["TRADE_RISK"] = (FailureCause.Risk, RecommendedAction.SwitchMethod, false),

        // Keys, certificates, permissions, parameters: no retry can help.
        ["SIGN_ERROR"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["SIGNERROR"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["PARAM_ERROR"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["INVALID_REQUEST"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["LACK_PARAMS"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["NOAUTH"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["NO_AUTH"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["APPID_NOT_EXIST"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["MCHID_NOT_EXIST"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["MCH_NOT_EXISTS"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["APPID_MCHID_NOT_MATCH"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["NOT_UTF8"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["XML_FORMAT_ERROR"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["REQUIRE_POST_METHOD"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        ["POST_DATA_EMPTY"] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),
        [BadResponseSignature] = (FailureCause.Configuration, RecommendedAction.QueryThenDecide, true),

        // A bare 5xx (a proxy's or load balancer's error page) carries no signature: the gateway is in trouble, not our keys.
        [UnsignedServerError] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true),
        [LocalParameter] = (FailureCause.Configuration, RecommendedAction.FixConfiguration, false),

        // Transport: the outcome is unknown.
        [Timeout] = (FailureCause.Network, RecommendedAction.QueryThenDecide, true),
        [TransportError] = (FailureCause.Network, RecommendedAction.QueryThenDecide, true),

        // Neither address could be connected to: nothing was sent, yet the engine still resolves it by query.
        [Unreachable] = (FailureCause.Network, RecommendedAction.QueryThenDecide, true),
        [MalformedResponse] = (FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true),
    };

    // Codes whose meaning depends on the call: NOT_ENOUGH on a refund is the merchant's balance.
    public static ChannelError Map(string code, string message, PaymentOperation operation)
    {
        code ??= string.Empty;
        if (operation == PaymentOperation.Refund && code is "NOT_ENOUGH" or "NOTENOUGH")
        {
            return new ChannelError(FailureCause.Configuration, code, SensitiveData.Mask(message), RecommendedAction.ContactChannel);
        }

        return Table.TryGetValue(code, out var entry)
            ? new ChannelError(entry.Cause, code, SensitiveData.Mask(message), entry.Action)
            : new ChannelError(FailureCause.Unknown, code, SensitiveData.Mask(message), RecommendedAction.ContactChannel);
    }

    // True when the answer does not tell whether money moved: the engine must query, never decline.
    public static bool LeavesOutcomeUnknown(string code, int httpStatus) =>
        Table.TryGetValue(code ?? string.Empty, out var entry) ? entry.OutcomeUnknown : httpStatus >= 500;

    public static ChannelResult ToResult(string code, string message, int httpStatus, PaymentOperation operation)
    {
        var error = Map(code, message, operation);
        return LeavesOutcomeUnknown(code, httpStatus) ? ChannelResult.Unknown(error) : ChannelResult.Decline(error);
    }

    public static IEnumerable<string> KnownCodes => Table.Keys;
}
