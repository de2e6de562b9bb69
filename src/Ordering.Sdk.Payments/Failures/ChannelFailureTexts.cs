namespace Ordering.Sdk.Payments;

// Specific words for channel codes whose generic cause text would send staff the wrong way: a PAYERROR
// is not "check the code", a refused signature is not "the network". Keyed by the raw code of either channel.
internal static class ChannelFailureTexts
{
    public static readonly FailureText PaymentFailed = new(
        "支付失败，未扣款：顾客取消了密码输入、输错了密码或银行拒绝（支付通道不区分这几种情况）。请顾客刷新付款码后重新收款，或改用其他支付方式。",
        "The payment failed and nothing was charged: the customer cancelled the password prompt, entered a wrong password or the bank refused (the channel does not say which). Ask for a refreshed payment code and charge again, or use another method.",
        "支付未成功，未扣款。请刷新付款码重试，或换一种支付方式。",
        "The payment did not go through and you were not charged. Please refresh your payment code and try again, or pay another way.");

    public static readonly FailureText MerchantBalance = new(
        "商户账户可用余额不足，退款未完成。请为商户账户充值后，用同一退款单号重试。",
        "The merchant account's available balance is too low, so the refund was not made. Top up the merchant account, then retry with the same refund number.",
        "退款处理中出现延迟，店员会尽快为您处理。",
        "Your refund is delayed; staff will complete it shortly.");

    private static readonly FailureText CustomerCancelled = new(
        "顾客取消了支付，未扣款。可请顾客重新付款。",
        "The customer cancelled the payment; nothing was charged. They may pay again.",
        "您已取消支付，未扣款。",
        "You cancelled the payment; you were not charged.");

    private static readonly FailureText MethodNotSupported = new(
        "顾客当前的付款卡或付款方式不支持本笔支付，请顾客在付款码页面切换付款方式，或改用其他支付方式。",
        "The customer's card or funding method cannot pay this charge; ask them to switch the funding method on the payment-code page, or use another method.",
        "当前付款方式不可用，请在付款码页面切换付款方式。",
        "This funding method cannot be used. Please switch it on your payment-code page.");

    private static readonly FailureText AccountRestricted = new(
        "顾客的账户状态异常或受限，无法付款，请改用其他支付方式。",
        "The customer's account is abnormal or restricted and cannot pay; use another payment method.",
        "您的账户暂时无法付款，请换一种支付方式。",
        "Your account cannot pay right now. Please use another payment method.");

    private static readonly FailureText OrderNumberClosed = new(
        "该商户单号已关闭或已撤销，不能再付款。请重新发起收款（系统会使用新单号）。",
        "This merchant order number is closed or reversed and cannot be paid; take payment again (a new number is used).",
        "本次支付已失效，请重新付款。",
        "This payment has expired. Please pay again.");

    private static readonly FailureText PayerMismatch = new(
        "该单号已由另一位付款人发起过支付，不能换人支付。请重新发起收款（系统会使用新单号）。",
        "Another payer already started a payment with this order number; it cannot change payer. Take payment again (a new number is used).",
        "该笔支付已由他人发起，请重新付款。",
        "Someone else already started this payment. Please pay again.");

    private static readonly FailureText AlreadyPaid = new(
        "支付通道显示该单号已支付，系统正在查询确认，请勿重复收款。",
        "The channel says this order number is already paid; the engine is querying to confirm. Do not charge again.",
        "该订单已支付，正在确认，请稍候。",
        "This order is already paid; we are confirming, please wait.");

    private static readonly FailureText NumberReused = new(
        "该单号已用于另一笔参数不同的交易，系统正在查询原交易，请勿重复收款。",
        "This order number was already used for a charge with different details; the engine is querying it. Do not charge again.",
        "正在确认支付结果，请稍候。",
        "We are confirming your payment, please wait.");

    private static readonly FailureText RequestSignatureRejected = new(
        "支付通道拒绝了请求签名：请检查商户API私钥、证书序列号和服务器时间（误差须小于5分钟）。重试无效。",
        "The channel rejected the request signature: check the merchant API private key, the certificate serial and the server clock (within 5 minutes). Retrying cannot help.",
        "暂时无法使用该支付方式，请换一种方式支付。",
        "This payment method is unavailable right now. Please use another one.");

    private static readonly FailureText ResponseSignatureRejected = new(
        "支付通道的应答未通过验签（可能是微信支付的签名探测，或微信支付公钥、平台证书未更新），结果未知，系统正在查询。若持续出现，请更新微信支付公钥或平台证书。",
        "The channel's answer failed signature verification (a WeChat Pay signature probe, or an outdated WeChat Pay public key or platform certificate); the outcome is unknown and the engine is querying. If it persists, update the public key or platform certificates.",
        "正在确认支付结果，请稍候。",
        "We are confirming your payment, please wait.");

    private static readonly FailureText NoPermission = new(
        "商户未开通该支付产品或接口权限，请在商户平台申请开通后再用。重试无效。",
        "The merchant is not enabled for this payment product or API; apply for it on the merchant platform. Retrying cannot help.",
        "暂时无法使用该支付方式，请换一种方式支付。",
        "This payment method is unavailable right now. Please use another one.");

    private static readonly FailureText IdsMismatch = new(
        "AppID 与商户号不匹配或不存在，请检查支付配置。重试无效。",
        "The app id and merchant id do not match or do not exist; check the payment configuration. Retrying cannot help.",
        "暂时无法使用该支付方式，请换一种方式支付。",
        "This payment method is unavailable right now. Please use another one.");

    private static readonly FailureText BankError = new(
        "银行系统异常，结果未知：系统正在用同一单号查询，请勿重复扣款。",
        "The bank's system failed; the outcome is unknown. The engine is querying with the same order number: do not charge again.",
        "正在确认支付结果，请稍候。",
        "We are confirming your payment, please wait.");

    private static readonly Dictionary<string, FailureText> ByCode = new(StringComparer.Ordinal)
    {
        ["PAYERROR"] = PaymentFailed,
        ["ACQ.PAYMENT_FAIL"] = PaymentFailed,
        ["USER_CANCELLED"] = CustomerCancelled,
        ["NOTSUPORTCARD"] = MethodNotSupported,
        ["ACQ.ERROR_BALANCE_PAYMENT_DISABLE"] = MethodNotSupported,
        ["ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE"] = MethodNotSupported,
        ["USER_ACCOUNT_ABNORMAL"] = AccountRestricted,
        ["ACCOUNT_ERROR"] = AccountRestricted,
        ["ACCOUNTERROR"] = AccountRestricted,
        ["ACQ.BUYER_ENABLE_STATUS_FORBID"] = AccountRestricted,
        ["ORDERCLOSED"] = OrderNumberClosed,
        ["ORDER_CLOSED"] = OrderNumberClosed,
        ["ORDERREVERSED"] = OrderNumberClosed,
        ["ORDER_REVERSED"] = OrderNumberClosed,
        ["ACQ.TRADE_HAS_CLOSE"] = OrderNumberClosed,
        ["BUYER_MISMATCH"] = PayerMismatch,
        ["ACQ.TRADE_BUYER_NOT_MATCH"] = PayerMismatch,
        ["ORDERPAID"] = AlreadyPaid,
        ["ACQ.TRADE_HAS_SUCCESS"] = AlreadyPaid,
        ["OUT_TRADE_NO_USED"] = NumberReused,
        ["ACQ.CONTEXT_INCONSISTENT"] = NumberReused,
        ["SIGN_ERROR"] = RequestSignatureRejected,
        ["SIGNERROR"] = RequestSignatureRejected,
        ["WECHATPAY_RESPONSE_SIGNATURE_INVALID"] = ResponseSignatureRejected,
        ["NOAUTH"] = NoPermission,
        ["NO_AUTH"] = NoPermission,
        ["ACQ.ACCESS_FORBIDDEN"] = NoPermission,
        ["APPID_MCHID_NOT_MATCH"] = IdsMismatch,
        ["APPID_NOT_EXIST"] = IdsMismatch,
        ["MCHID_NOT_EXIST"] = IdsMismatch,
        ["MCH_NOT_EXISTS"] = IdsMismatch,
        ["isv.invalid-app-id"] = IdsMismatch,
        ["BANKERROR"] = BankError,
        ["BANK_ERROR"] = BankError,
        ["ACQ.SELLER_BALANCE_NOT_ENOUGH"] = MerchantBalance,
    };

    public static IEnumerable<string> Codes => ByCode.Keys;

    public static bool TryGet(string rawCode, out FailureText text) => ByCode.TryGetValue(rawCode, out text);
}
