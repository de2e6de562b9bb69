using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayErrorMapTests
{
    [Theory]
    [InlineData("20000", "isp.unknow-error", FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true)]
    [InlineData("20000", null, FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true)]
    [InlineData("40004", "ACQ.SYSTEM_ERROR", FailureCause.GatewayUnavailable, RecommendedAction.QueryThenDecide, true)]
    [InlineData("40004", "ACQ.PAYMENT_AUTH_CODE_INVALID", FailureCause.Customer, RecommendedAction.AskForNewCode, false)]
    [InlineData("40004", "ACQ.BUYER_BALANCE_NOT_ENOUGH", FailureCause.Customer, RecommendedAction.AskForNewCode, false)]
    [InlineData("40004", "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", FailureCause.Customer, RecommendedAction.AskForNewCode, false)]
    [InlineData("40004", "ACQ.ERROR_BALANCE_PAYMENT_DISABLE", FailureCause.Customer, RecommendedAction.SwitchMethod, false)]
    [InlineData("40004", "ACQ.PAYMENT_FAIL", FailureCause.Customer, RecommendedAction.AskForNewCode, false)]
    [InlineData("40004", "ACQ.PAYMENT_REQUEST_HAS_RISK", FailureCause.Risk, RecommendedAction.SwitchMethod, false)]
    [InlineData("40004", "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", FailureCause.Customer, RecommendedAction.SwitchMethod, false)]
    [InlineData("40004", "ACQ.TRADE_HAS_SUCCESS", FailureCause.Duplicate, RecommendedAction.QueryThenDecide, false)]
    [InlineData("40004", "ACQ.TRADE_HAS_CLOSE", FailureCause.Duplicate, RecommendedAction.AskForNewCode, false)]
    [InlineData("40004", "ACQ.CONTEXT_INCONSISTENT", FailureCause.Duplicate, RecommendedAction.AskForNewCode, false)]
    [InlineData("40004", "ACQ.INVALID_PARAMETER", FailureCause.Configuration, RecommendedAction.FixConfiguration, false)]
    [InlineData("40004", "ACQ.TOTAL_FEE_EXCEED", FailureCause.Configuration, RecommendedAction.FixConfiguration, false)]
    [InlineData("40004", "ACQ.SELLER_BALANCE_NOT_ENOUGH", FailureCause.Configuration, RecommendedAction.ContactChannel, false)]
    [InlineData("40004", "ACQ.SOMETHING_NEW", FailureCause.Unknown, RecommendedAction.ContactChannel, false)]
    [InlineData("40002", "isv.invalid-signature", FailureCause.Configuration, RecommendedAction.FixConfiguration, false)]
    [InlineData("40002", "isv.missing-signature", FailureCause.Configuration, RecommendedAction.FixConfiguration, false)]
    [InlineData("40001", "isv.missing-method", FailureCause.Configuration, RecommendedAction.FixConfiguration, false)]
    [InlineData("20001", "aop.invalid-auth-token", FailureCause.Configuration, RecommendedAction.FixConfiguration, false)]
    [InlineData("40006", "isv.insufficient-isv-permissions", FailureCause.Configuration, RecommendedAction.FixConfiguration, false)]
    public void Map_CodeAndSubCode_GivesCauseActionAndUnknownness(string code, string? subCode, FailureCause cause, RecommendedAction action, bool unknown)
    {
        var error = AlipayErrorMap.Map(code, subCode, "message");

        Assert.Equal(cause, error.Cause);
        Assert.Equal(action, error.Action);
        Assert.Equal(subCode ?? code, error.RawCode);
        Assert.Equal(unknown, AlipayErrorMap.IsOutcomeUnknown(code, subCode));
    }

    [Theory]
    [InlineData("ACQ.PAYMENT_AUTH_CODE_INVALID", "付款码已失效")]
    [InlineData("ACQ.BUYER_BALANCE_NOT_ENOUGH", "余额不足")]
    [InlineData("ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "余额不足")]
    [InlineData("ACQ.PAYMENT_REQUEST_HAS_RISK", "风控")]
    [InlineData("isv.invalid-signature", "商户配置错误")]
    public void Map_SpecificSubCodes_GetStaffWordsInBothLanguages(string subCode, string zhFragment)
    {
        var error = AlipayErrorMap.Map("40004", subCode, null);

        var text = FailureCatalog.Describe(error.Cause, error.RawCode);

        Assert.Contains(zhFragment, text.StaffZhCn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(text.StaffEn));
        Assert.False(string.IsNullOrWhiteSpace(text.CustomerZhCn));
        Assert.False(string.IsNullOrWhiteSpace(text.CustomerEn));
    }
}
