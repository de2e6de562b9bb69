namespace Ordering.Sdk.Payments.Tests.Failures;

public sealed class FailureTaxonomyTests
{
    [Theory]
    [InlineData("付款码 134567890123456789 无效", "付款码 **************6789 无效")]
    [InlineData("no digits here", "no digits here")]
    [InlineData("short 123456789 stays", "short 123456789 stays")]
    [InlineData("2812345678901234", "************1234")]
    public void Mask_DigitRunsOfTenOrMore_KeepOnlyLastFour(string input, string expected)
    {
        Assert.Equal(expected, SensitiveData.Mask(input));
    }

    [Fact]
    public void ChargeRequest_ToString_MasksThePaymentCode()
    {
        var request = new ChargeRequest("A1", "O1", Money.Fen(100), ChargeKind.CodePay, "134567890123456789", null);
        var text = request.ToString();
        Assert.DoesNotContain("134567890123456789", text, StringComparison.Ordinal);
        Assert.Contains("6789", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FailureCause.Network, RecommendedAction.QueryThenDecide)]
    [InlineData(FailureCause.Configuration, RecommendedAction.FixConfiguration)]
    [InlineData(FailureCause.Customer, RecommendedAction.AskForNewCode)]
    [InlineData(FailureCause.Risk, RecommendedAction.SwitchMethod)]
    [InlineData(FailureCause.RateLimited, RecommendedAction.RetrySame)]
    [InlineData(FailureCause.Unknown, RecommendedAction.ContactChannel)]
    public void DefaultAction_Cause_IsTheDocumentedNextStep(FailureCause cause, RecommendedAction expected)
    {
        Assert.Equal(expected, FailureCatalog.DefaultAction(cause));
    }

    [Fact]
    public void Describe_EveryCause_HasFourNonEmptyMessages()
    {
        foreach (var cause in Enum.GetValues<FailureCause>())
        {
            var text = FailureCatalog.Describe(cause, "SOME_CODE");
            Assert.False(string.IsNullOrWhiteSpace(text.StaffZhCn));
            Assert.False(string.IsNullOrWhiteSpace(text.StaffEn));
            Assert.False(string.IsNullOrWhiteSpace(text.CustomerZhCn));
            Assert.False(string.IsNullOrWhiteSpace(text.CustomerEn));
        }
    }

    [Fact]
    public void Describe_InsufficientBalance_SaysSo()
    {
        var text = FailureCatalog.Describe(FailureCause.Customer, "NOTENOUGH");
        Assert.Contains("余额不足", text.CustomerZhCn, StringComparison.Ordinal);
        Assert.Contains("Insufficient", text.CustomerEn, StringComparison.Ordinal);
    }
}
