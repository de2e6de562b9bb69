using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// Every mapped code: its cause, action, whether the outcome stays unknown, and what staff read.
public sealed class WeChatPayErrorMappingTests
{
    public static TheoryData<string, FailureCause, RecommendedAction, bool> Codes => new()
    {
        { "SYSTEMERROR", FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true },
        { "SYSTEM_ERROR", FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true },
        { "BANKERROR", FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true },
        { "ORDERPAID", FailureCause.Duplicate, RecommendedAction.QueryThenDecide, true },
        { "OUT_TRADE_NO_USED", FailureCause.Duplicate, RecommendedAction.QueryThenDecide, true },
        { "NOTENOUGH", FailureCause.Customer, RecommendedAction.SwitchMethod, false },
        { "AUTHCODEEXPIRE", FailureCause.Customer, RecommendedAction.AskForNewCode, false },
        { "AUTH_CODE_INVALID", FailureCause.Customer, RecommendedAction.AskForNewCode, false },
        { "AUTH_CODE_ERROR", FailureCause.Customer, RecommendedAction.AskForNewCode, false },
        { "NOTSUPORTCARD", FailureCause.Customer, RecommendedAction.SwitchMethod, false },
        { "TRADE_ERROR", FailureCause.Customer, RecommendedAction.RetrySame, false },
        { "PAYERROR", FailureCause.Customer, RecommendedAction.RetrySame, false },
        { "ORDERCLOSED", FailureCause.Duplicate, RecommendedAction.RetrySame, false },
        { "ORDERREVERSED", FailureCause.Duplicate, RecommendedAction.RetrySame, false },
        { "BUYER_MISMATCH", FailureCause.Duplicate, RecommendedAction.RetrySame, false },
        { "FREQUENCY_LIMITED", FailureCause.RateLimited, RecommendedAction.RetrySame, false },
        { "RATELIMIT_EXCEEDED", FailureCause.RateLimited, RecommendedAction.RetrySame, false },
        { "RULELIMIT", FailureCause.Risk, RecommendedAction.SwitchMethod, false },
        { "SIGN_ERROR", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "SIGNERROR", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "PARAM_ERROR", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "NOAUTH", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "NO_AUTH", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "APPID_NOT_EXIST", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "MCHID_NOT_EXIST", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "APPID_MCHID_NOT_MATCH", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "LACK_PARAMS", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "XML_FORMAT_ERROR", FailureCause.Configuration, RecommendedAction.FixConfiguration, false },
        { "SOMETHING_NEW", FailureCause.Unknown, RecommendedAction.ContactChannel, false },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Map_Code_GivesCauseActionAndUnknownness(string code, FailureCause cause, RecommendedAction action, bool unknown)
    {
        var error = WeChatPayErrors.Map(code, "msg", PaymentOperation.Charge);
        Assert.Equal(cause, error.Cause);
        Assert.Equal(action, error.Action);
        Assert.Equal(code, error.RawCode);
        Assert.Equal(unknown, WeChatPayErrors.LeavesOutcomeUnknown(code, 400));
        Assert.Equal(unknown ? ChannelOutcome.Unknown : ChannelOutcome.Declined, WeChatPayErrors.ToResult(code, "msg", 400, PaymentOperation.Charge).Outcome);
    }

    [Theory]
    [InlineData("NOTENOUGH", "顾客余额不足，请换卡或改用其他支付方式。", "Insufficient balance. Please choose another payment method.")]
    [InlineData("AUTHCODEEXPIRE", "付款码已失效或无效，请顾客刷新付款码后重新扫码。", "Your payment code has expired. Please refresh it and try again.")]
    [InlineData("TRADE_ERROR", "顾客密码错误或未输入密码，可请顾客重试。", "Wrong payment password. Please try again.")]
    [InlineData("SYSTEMERROR", "支付通道繁忙或故障，结果未知：系统正在查询。", "We are confirming your payment, please wait.")]
    [InlineData("SIGN_ERROR", "支付通道拒绝了请求签名：请检查商户API私钥、证书序列号和服务器时间（误差须小于5分钟）。重试无效。", "This payment method is unavailable right now. Please use another one.")]
    [InlineData("INVALID_REQUEST", "商户配置错误（密钥、证书、权限或接口版本），请联系管理员修正，重试无效。", "This payment method is unavailable right now. Please use another one.")]
    public void Describe_MappedCode_HasStaffAndCustomerMessages(string code, string staffZh, string customerEn)
    {
        var error = WeChatPayErrors.Map(code, "x", PaymentOperation.Charge);
        var text = FailureCatalog.Describe(error.Cause, error.RawCode);
        Assert.Equal(staffZh, text.StaffZhCn);
        Assert.Equal(customerEn, text.CustomerEn);
        Assert.False(string.IsNullOrEmpty(text.StaffEn));
        Assert.False(string.IsNullOrEmpty(text.CustomerZhCn));
    }

    [Fact]
    public void Map_NotEnoughOnRefund_IsTheMerchantsBalanceNotTheCustomers()
    {
        var error = WeChatPayErrors.Map("NOT_ENOUGH", "可退金额不足", PaymentOperation.Refund);
        Assert.Equal(FailureCause.Configuration, error.Cause);
        Assert.Equal(RecommendedAction.ContactChannel, error.Action);
    }

    [Fact]
    public void Map_MessageWithPaymentCode_IsMasked()
    {
        var error = WeChatPayErrors.Map("AUTH_CODE_ERROR", "auth_code 134567890123456789 invalid", PaymentOperation.Charge);
        Assert.DoesNotContain("134567890123456789", error.RawMessage, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, ChannelOutcome, FailureCause> HttpCodes => new()
    {
        { "NOAUTH", 403, ChannelOutcome.Declined, FailureCause.Configuration },
        { "FREQUENCY_LIMITED", 429, ChannelOutcome.Declined, FailureCause.RateLimited },
        { "PARAM_ERROR", 400, ChannelOutcome.Declined, FailureCause.Configuration },
        { "SYSTEM_ERROR", 500, ChannelOutcome.Unknown, FailureCause.GatewayUnavailable },
        { "BANK_ERROR", 500, ChannelOutcome.Unknown, FailureCause.GatewayUnavailable },
        { "ORDERPAID", 403, ChannelOutcome.Unknown, FailureCause.Duplicate },
        { "RULE_LIMIT", 403, ChannelOutcome.Declined, FailureCause.Risk },
        { "ORDERREVERSED", 403, ChannelOutcome.Declined, FailureCause.Duplicate },
    };

    [Theory]
    [MemberData(nameof(HttpCodes))]
    public async Task ChargeAsync_V3ErrorOverHttp_IsMapped(string code, int status, ChannelOutcome outcome, FailureCause cause)
    {
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueError(code, status);
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000101", 100), default);
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(code, result.Error!.RawCode);
        Assert.Equal(cause, result.Error.Cause);
    }

    [Theory]
    [InlineData("NOTENOUGH", ChannelOutcome.Declined, FailureCause.Customer)]
    [InlineData("AUTHCODEEXPIRE", ChannelOutcome.Declined, FailureCause.Customer)]
    [InlineData("AUTH_CODE_INVALID", ChannelOutcome.Declined, FailureCause.Customer)]
    [InlineData("SYSTEMERROR", ChannelOutcome.Unknown, FailureCause.GatewayUnavailable)]
    [InlineData("BANKERROR", ChannelOutcome.Unknown, FailureCause.GatewayUnavailable)]
    [InlineData("ORDERPAID", ChannelOutcome.Unknown, FailureCause.Duplicate)]
    [InlineData("ORDERCLOSED", ChannelOutcome.Declined, FailureCause.Duplicate)]
    [InlineData("ORDERREVERSED", ChannelOutcome.Declined, FailureCause.Duplicate)]
    [InlineData("FREQUENCY_LIMITED", ChannelOutcome.Declined, FailureCause.RateLimited)]
    [InlineData("NOAUTH", ChannelOutcome.Declined, FailureCause.Configuration)]
    [InlineData("PARAM_ERROR", ChannelOutcome.Declined, FailureCause.Configuration)]
    public async Task ChargeAsync_V2ErrCodeOverHttp_IsMapped(string code, ChannelOutcome outcome, FailureCause cause)
    {
        await using var world = WeChatPayWorld.Create(channel: o => o.CodePayApi = WeChatPayCodePayApi.V2);
        world.Sandbox.EnqueueError(code);
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000102", 100), default);
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(code, result.Error!.RawCode);
        Assert.Equal(cause, result.Error.Cause);
    }
}
