namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// The v3 code-pay answers that are not a transaction, as WeChat Pay's v3 error table gives them:
// HTTP 202 + USERPAYING ("用户支付中，需要输入密码", wait 5 s and query) is the only "customer paying".
public sealed class WeChatPayCodePayReplyTests
{
    [Theory]
    [InlineData(202, "USERPAYING", ChannelOutcome.CustomerPaying, null)]
    [InlineData(202, "HTTP_202", ChannelOutcome.Unknown, FailureCause.GatewayUnavailable)]
    [InlineData(403, "USERPAYING", ChannelOutcome.Unknown, FailureCause.GatewayUnavailable)]
    [InlineData(200, "USERPAYING", ChannelOutcome.Unknown, FailureCause.GatewayUnavailable)]
    [InlineData(403, "NOTENOUGH", ChannelOutcome.Declined, FailureCause.Customer)]
    [InlineData(403, "PAYERROR", ChannelOutcome.Declined, FailureCause.Customer)]
    [InlineData(400, "AUTH_CODE_INVALID", ChannelOutcome.Declined, FailureCause.Customer)]
    [InlineData(500, "SYSTEM_ERROR", ChannelOutcome.Unknown, FailureCause.GatewayUnavailable)]
    [InlineData(500, "BANK_ERROR", ChannelOutcome.Unknown, FailureCause.GatewayUnavailable)]
    [InlineData(403, "OUT_TRADE_NO_USED", ChannelOutcome.Unknown, FailureCause.Duplicate)]
    [InlineData(403, "ACCOUNTERROR", ChannelOutcome.Declined, FailureCause.Customer)]
    [InlineData(401, "SIGN_ERROR", ChannelOutcome.Declined, FailureCause.Configuration)]
    [InlineData(502, "HTTP_502", ChannelOutcome.Unknown, FailureCause.Unknown)]
    public void CodePayReply_StatusAndCode_MapsExactly(int status, string code, ChannelOutcome outcome, FailureCause? cause)
    {
        var result = WeChatPayChannel.CodePayReply(status, code, "message");
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(cause, result.Error?.Cause);
        if (result.Error is not null)
        {
            Assert.Equal(code, result.Error.RawCode);
        }
    }
}
