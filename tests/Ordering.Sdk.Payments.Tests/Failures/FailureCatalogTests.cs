namespace Ordering.Sdk.Payments.Tests.Failures;

// Channel codes with their own staff words: the generic text of their cause would send staff the wrong way.
public sealed class FailureCatalogTests
{
    [Theory]
    [InlineData("PAYERROR", FailureCause.Customer, "密码", "wrong password")]
    [InlineData("ACQ.PAYMENT_FAIL", FailureCause.Customer, "未扣款", "nothing was charged")]
    [InlineData("NOTSUPORTCARD", FailureCause.Customer, "切换付款方式", "switch the funding method")]
    [InlineData("ACCOUNTERROR", FailureCause.Customer, "账户状态异常", "restricted")]
    [InlineData("ORDERCLOSED", FailureCause.Duplicate, "已关闭或已撤销", "closed or reversed")]
    [InlineData("ORDERREVERSED", FailureCause.Duplicate, "已关闭或已撤销", "closed or reversed")]
    [InlineData("BUYER_MISMATCH", FailureCause.Duplicate, "另一位付款人", "Another payer")]
    [InlineData("ORDERPAID", FailureCause.Duplicate, "已支付", "already paid")]
    [InlineData("OUT_TRADE_NO_USED", FailureCause.Duplicate, "参数不同", "different details")]
    [InlineData("SIGN_ERROR", FailureCause.Configuration, "服务器时间", "server clock")]
    [InlineData("WECHATPAY_RESPONSE_SIGNATURE_INVALID", FailureCause.Configuration, "签名探测", "signature probe")]
    [InlineData("NOAUTH", FailureCause.Configuration, "未开通", "not enabled")]
    [InlineData("APPID_MCHID_NOT_MATCH", FailureCause.Configuration, "不匹配", "do not match")]
    [InlineData("BANKERROR", FailureCause.GatewayUnavailable, "银行", "bank")]
    [InlineData("ACQ.SELLER_BALANCE_NOT_ENOUGH", FailureCause.Configuration, "商户账户", "merchant account")]
    [InlineData("NOTENOUGH", FailureCause.Configuration, "商户账户", "merchant account")]
    [InlineData("NOT_ENOUGH", FailureCause.Customer, "余额不足", "balance is insufficient")]
    [InlineData("AUTH_CODE_EXPIRE", FailureCause.Customer, "付款码", "payment code")]
    public void Describe_SpecificCode_HasItsOwnStaffText(string code, FailureCause cause, string zhFragment, string enFragment)
    {
        var text = FailureCatalog.Describe(cause, code);
        Assert.Contains(zhFragment, text.StaffZhCn, StringComparison.Ordinal);
        Assert.Contains(enFragment, text.StaffEn, StringComparison.Ordinal);
        Assert.NotEqual(FailureCatalog.Describe(cause, "UNMAPPED_CODE"), text);
        Assert.False(string.IsNullOrWhiteSpace(text.CustomerZhCn));
        Assert.False(string.IsNullOrWhiteSpace(text.CustomerEn));
    }

    [Fact]
    public void Describe_PayErrorVersusWrongPassword_AreDifferentAdvice()
    {
        // PAYERROR cannot tell a wrong password from a cancelled prompt or a bank refusal; TRADE_ERROR can.
        Assert.NotEqual(FailureCatalog.Describe(FailureCause.Customer, "TRADE_ERROR"), FailureCatalog.Describe(FailureCause.Customer, "PAYERROR"));
    }

    [Fact]
    public void ChannelFailureTexts_EveryWeChatCodeWithText_IsOneTheAdapterMaps()
    {
        var known = WeChatPayErrors.KnownCodes.ToHashSet(StringComparer.Ordinal);
        var weChat = ChannelFailureTexts.Codes.Where(c => !c.StartsWith("ACQ.", StringComparison.Ordinal) && !c.StartsWith("isv.", StringComparison.Ordinal));
        Assert.All(weChat, code => Assert.Contains(code, known));
    }

    [Fact]
    public void WeChatPayErrors_PayErrorOnQuery_IsCustomerDeclineWithPayErrorText()
    {
        var error = WeChatPayErrors.Map("PAYERROR", "支付失败，用户支付密码错误", PaymentOperation.Query);
        Assert.Equal(FailureCause.Customer, error.Cause);
        Assert.Same(ChannelFailureTexts.PaymentFailed.StaffEn, FailureCatalog.Describe(error.Cause, error.RawCode).StaffEn);
    }
}
