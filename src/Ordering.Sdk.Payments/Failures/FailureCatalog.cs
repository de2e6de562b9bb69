namespace Ordering.Sdk.Payments;

// Turns (cause, raw code) into an action and four messages. Specific codes (expired code, wrong password,
// insufficient balance) get specific words; everything else gets the words of its cause.
internal static class FailureCatalog
{
    private static readonly FailureText ExpiredCode = new(
        "付款码已失效或无效，请顾客刷新付款码后重新扫码。", "The payment code is expired or invalid; ask the customer to refresh it and scan again.",
        "付款码已失效，请刷新后重试。", "Your payment code has expired. Please refresh it and try again.");

    private static readonly FailureText InvalidCode = new(
        "扫到的不是微信或支付宝付款码，未发起扣款。请重新扫码。", "The scanned code is not a WeChat Pay or Alipay payment code; nothing was charged. Scan again.",
        "无法识别该付款码，请出示微信或支付宝付款码。", "We could not recognise this code. Please show a WeChat Pay or Alipay payment code.");

    private static readonly FailureText Insufficient = new(
        "顾客余额不足，请换卡或改用其他支付方式。", "The customer's balance is insufficient; ask them to change card or pay another way.",
        "余额不足，请更换付款方式。", "Insufficient balance. Please choose another payment method.");

    private static readonly FailureText WrongPassword = new(
        "顾客密码错误或未输入密码，可请顾客重试。", "The customer entered a wrong password or none; they may try again.",
        "支付密码错误，请重试。", "Wrong payment password. Please try again.");

    private static readonly FailureText LateSuccess = new(
        "放弃等待后收到了扣款成功，系统已自动发起退款，请留意到账。", "A payment succeeded after the engine gave up; it was refunded automatically.",
        "该笔重复扣款已自动退回原支付账户。", "The extra charge has been refunded to your account automatically.");

    private static readonly FailureText CircuitOpen = new(
        "该支付通道暂时不可用（连续失败已熔断），请改用其他支付方式。", "This channel is temporarily unavailable (circuit open after repeated failures); use another method.",
        "该支付方式暂时不可用，请换一种方式支付。", "This payment method is temporarily unavailable. Please use another one.");

    private static readonly FailureText Outstanding = new(
        "金额超过订单待付金额（含正在处理的支付），未发起扣款。", "The amount exceeds what is outstanding on the order (including payments in progress); nothing was charged.",
        "该订单无需再支付此金额。", "This order does not need this payment.");

    private static readonly FailureText EarlierInFlight = new(
        "该订单还有一笔支付在等待顾客完成或等待通道结果，金额已被占用，未发起本次扣款。若顾客确认未付款，请先取消那笔支付（系统先向支付通道关单，再释放金额；之后若仍到账会自动退款），然后重新收款。",
        "An earlier payment for this order is still waiting for the customer or the channel and holds its amount; nothing was charged. If the customer did not pay, cancel that payment first (the engine closes it at the channel, then releases the amount; money arriving later is refunded automatically), then take payment again.",
        "您之前的一笔支付尚未完成。如未付款，请让店员取消该笔支付后重新付款，不会重复扣款。",
        "An earlier payment is still in progress. If you did not pay, ask staff to cancel it and pay again; you will not be charged twice.");

    private static readonly FailureText CashNotConfirmed = new(
        "系统重启时该笔现金收款尚未确认，已关闭。请核对钱箱后重新收取。", "The system restarted before this cash tender was confirmed; it was closed. Check the drawer and take the cash again.",
        "现金收款未完成，请向店员重新付款。", "Your cash payment was not completed. Please pay the staff again.");

    private static readonly FailureText CustomerDidNotPay = new(
        "顾客在时限内没有完成支付，系统已向支付通道关单，未扣款。请顾客重新付款，或改用其他支付方式。",
        "The customer did not pay in time; the engine closed the payment at the channel and nothing was charged. Ask the customer to pay again, or use another method.",
        "支付已超时，未扣款。请重新付款。", "The payment timed out and you were not charged. Please pay again.");

    private static readonly FailureText GaveUpUnknown = new(
        "支付通道在时限内始终没有给出结果，系统已关单或撤销。请重新收款（通道仍不稳定时请改用其他支付方式）；若之后仍有扣款到账，系统会自动退款。",
        "The channel never confirmed the outcome in time; the engine closed or reversed the payment. Take payment again (use another method if the channel is still failing); money that arrives later is refunded automatically.",
        "支付结果未能确认，本次支付已撤销；如有扣款将自动退回。请重新付款。", "We could not confirm this payment, so it was cancelled; any charge will be refunded automatically. Please pay again.");

    private static readonly FailureText ClosedAtChannel = new(
        "支付通道显示该笔支付已关闭（顾客取消或已过期），未扣款。请顾客重新付款。",
        "The channel reports this payment closed (the customer cancelled it or it expired); nothing was charged. Ask the customer to pay again.",
        "该笔支付已关闭，未扣款。请重新付款。", "This payment was closed and you were not charged. Please pay again.");

    public static RecommendedAction DefaultAction(FailureCause cause) => cause switch
    {
        FailureCause.Network => RecommendedAction.QueryThenDecide,
        FailureCause.GatewayUnavailable => RecommendedAction.QueryThenDecide,
        FailureCause.RateLimited => RecommendedAction.RetrySame,
        FailureCause.Configuration => RecommendedAction.FixConfiguration,
        FailureCause.Customer => RecommendedAction.AskForNewCode,
        FailureCause.Risk => RecommendedAction.SwitchMethod,
        FailureCause.Duplicate => RecommendedAction.QueryThenDecide,
        _ => RecommendedAction.ContactChannel,
    };

    public static FailureText Describe(FailureCause cause, string rawCode)
    {
        switch (rawCode)
        {
            case "AUTHCODEEXPIRE" or "AUTH_CODE_EXPIRE" or "AUTH_CODE_ERROR" or "ACQ.PAYMENT_AUTH_CODE_INVALID" or "AUTH_CODE_INVALID":
                return ExpiredCode;
            case EngineErrorCodes.InvalidPaymentCode:
                return InvalidCode;

            // On a refund WeChat Pay's NOTENOUGH is the merchant's balance (the adapter classifies it Configuration).
            case "NOTENOUGH" or "NOT_ENOUGH" when cause == FailureCause.Configuration:
                return ChannelFailureTexts.MerchantBalance;
            case "NOTENOUGH" or "NOT_ENOUGH" or "ACQ.BUYER_BALANCE_NOT_ENOUGH" or "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH" or "INSUFFICIENT_BALANCE":
                return Insufficient;
            case "PASSWORD_ERROR" or "TRADE_ERROR":
                return WrongPassword;
            case EngineErrorCodes.LateSuccessRefunded:
                return LateSuccess;
            case EngineErrorCodes.CircuitOpen:
                return CircuitOpen;
            case EngineErrorCodes.ExceedsOutstanding:
                return Outstanding;
            case EngineErrorCodes.EarlierAttemptInFlight:
                return EarlierInFlight;
            case EngineErrorCodes.CashNotConfirmed:
                return CashNotConfirmed;
            case EngineErrorCodes.CustomerDidNotPay:
                return CustomerDidNotPay;
            case EngineErrorCodes.ClosedAtChannel:
                return ClosedAtChannel;
            case EngineErrorCodes.GaveUpUnknown:
                return GaveUpUnknown;
            default:
                return ChannelFailureTexts.TryGet(rawCode ?? string.Empty, out var text) ? text : ByCause(cause);
        }
    }

    private static FailureText ByCause(FailureCause cause) => cause switch
    {
        FailureCause.Network => new(
            "网络未响应，结果未知：系统正在查询，请勿重复扣款。", "The network did not answer; the outcome is unknown. The engine is querying: do not charge again.",
            "正在确认支付结果，请稍候。", "We are confirming your payment, please wait."),
        FailureCause.GatewayUnavailable => new(
            "支付通道繁忙或故障，结果未知：系统正在查询。", "The payment channel is busy or failing; the outcome is unknown. The engine is querying.",
            "正在确认支付结果，请稍候。", "We are confirming your payment, please wait."),
        FailureCause.RateLimited => new(
            "请求过于频繁被限流，请稍后重试。", "The channel throttled the request; retry shortly.",
            "系统繁忙，请稍后再试。", "The system is busy, please try again shortly."),
        FailureCause.Configuration => new(
            "商户配置错误（密钥、证书、权限或接口版本），请联系管理员修正，重试无效。", "Merchant configuration is wrong (keys, certificates, permissions or API version); fix it, retrying cannot help.",
            "暂时无法使用该支付方式，请换一种方式支付。", "This payment method is unavailable right now. Please use another one."),
        FailureCause.Customer => new(
            "顾客侧支付未完成（付款码、余额或密码问题），请顾客处理后重试。", "The customer's side did not complete (code, balance or password); let the customer fix it and retry.",
            "支付未完成，请检查后重试。", "The payment did not complete. Please check and try again."),
        FailureCause.Risk => new(
            "支付通道风控拦截，请改用其他支付方式。", "The channel's risk control refused the payment; use another method.",
            "该笔支付被拦截，请更换支付方式。", "This payment was blocked. Please use another payment method."),
        FailureCause.Duplicate => new(
            "订单已支付或有支付正在处理，请先查询结果，勿重复收款。", "The order is already paid or a payment is in progress; check before charging again.",
            "该订单已支付或正在支付中。", "This order is already paid or being paid."),
        _ => new(
            "未知错误，请记录原始错误码并联系支付通道。", "Unknown error; note the raw code and contact the channel.",
            "支付失败，请联系店员。", "The payment failed. Please ask a member of staff."),
    };
}
