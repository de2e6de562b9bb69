using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.Channels;

public sealed class PaymentCodeDetectorTests
{
    [Theory]
    [InlineData("134567890123456789", PaymentChannelId.WeChatPay)]
    [InlineData("104567890123456789", PaymentChannelId.WeChatPay)]
    [InlineData("154567890123456789", PaymentChannelId.WeChatPay)]
    [InlineData("284567890123456789", PaymentChannelId.Alipay)]
    [InlineData("2512345678901234", PaymentChannelId.Alipay)]
    [InlineData("301234567890123456789012", PaymentChannelId.Alipay)]
    [InlineData("6212345678901234567", PaymentChannelId.UnionPay)]
    [InlineData("164567890123456789", PaymentChannelId.Unknown)]
    [InlineData("13456789012345678", PaymentChannelId.Unknown)]
    [InlineData("2412345678901234", PaymentChannelId.Unknown)]
    [InlineData("251234567890123", PaymentChannelId.Unknown)]
    [InlineData("3012345678901234567890123", PaymentChannelId.Unknown)]
    [InlineData("13456789012345678A", PaymentChannelId.Unknown)]
    [InlineData("", PaymentChannelId.Unknown)]
    public void Detect_Code_RoutesByPrefixAndLength(string code, PaymentChannelId expected)
    {
        Assert.Equal(expected, PaymentCodeDetector.Detect(code));
    }

    [Property]
    public Property Detect_AnyWeChatShapedCode_IsWeChat()
    {
        var gen = from prefix in Gen.Choose(10, 15)
                  from rest in Gen.ArrayOf(Gen.Choose(0, 9), 16)
                  select prefix.ToString(System.Globalization.CultureInfo.InvariantCulture) + string.Concat(rest);
        return Prop.ForAll(gen.ToArbitrary(), code => PaymentCodeDetector.Detect(code) == PaymentChannelId.WeChatPay);
    }

    [Property]
    public Property Detect_AnyAlipayShapedCode_IsAlipay()
    {
        var gen = from prefix in Gen.Choose(25, 30)
                  from length in Gen.Choose(14, 22)
                  from rest in Gen.ArrayOf(Gen.Choose(0, 9), length)
                  select prefix.ToString(System.Globalization.CultureInfo.InvariantCulture) + string.Concat(rest);
        return Prop.ForAll(gen.ToArbitrary(), code => PaymentCodeDetector.Detect(code) == PaymentChannelId.Alipay);
    }
}
