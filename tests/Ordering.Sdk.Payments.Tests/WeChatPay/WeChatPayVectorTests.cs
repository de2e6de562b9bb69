using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// Published vectors (WeChat Pay docs and the official SDKs' tests), recomputed in the reference sheet.
public sealed class WeChatPayVectorTests
{
    private static readonly Dictionary<string, string> V2Example = new(StringComparer.Ordinal)
    {
        ["appid"] = "wxd930ea5d5a258f4f",
        ["mch_id"] = "10000100",
        ["device_info"] = "1000",
        ["body"] = "test",
        ["nonce_str"] = "ibuaiVcKdpRxkhJA",
    };

    private const string V2Key = "192006250b4c09247ec02edce69f6a2d";

    [Fact]
    public void V2StringToSign_OfficialExample_SortsAndAppendsKey() =>
        Assert.Equal(
            "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d",
            WeChatPayV2Signature.StringToSign(V2Example, V2Key));

    [Fact]
    public void V2Sign_Md5OfficialExample_MatchesPublishedDigest() =>
        Assert.Equal("9A0A8659F005D6984697E2CA0A9CF3B7", WeChatPayV2Signature.Sign(V2Example, V2Key, WeChatPaySignType.Md5));

    [Fact]
    public void V2Sign_HmacSha256OfficialExample_MatchesPublishedDigest() =>
        Assert.Equal("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6", WeChatPayV2Signature.Sign(V2Example, V2Key, WeChatPaySignType.HmacSha256));

    [Fact]
    public void V2Sign_MiniProgramPaySignExample_MatchesPublishedDigest()
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appId"] = "wxd678efh567hg6787",
            ["nonceStr"] = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
            ["package"] = "prepay_id=wx2017033010242291fcfe0db70013231072",
            ["signType"] = "MD5",
            ["timeStamp"] = "1490840662",
        };
        Assert.Equal("22D9B4E54AB1950F51E0649E8810ACD6", WeChatPayV2Signature.Sign(parameters, "qazwsxedcrfvtgbyhnujmikolp111111", WeChatPaySignType.Md5));
    }

    [Fact]
    public void V2Verify_EmptyValuesAndExtraFields_AreIgnoredOrSigned()
    {
        var reply = new Dictionary<string, string>(V2Example) { ["empty"] = string.Empty };
        reply["sign"] = "9a0a8659f005d6984697e2ca0a9cf3b7";
        Assert.True(WeChatPayV2Signature.Verify(reply, V2Key, WeChatPaySignType.Md5));
        reply["body"] = "tampered";
        Assert.False(WeChatPayV2Signature.Verify(reply, V2Key, WeChatPaySignType.Md5));
    }

    [Fact]
    public void V3RequestMessage_PostWithBody_IsFiveLinesEachEndingWithNewline()
    {
        var message = WeChatPayV3Signature.RequestMessage("POST", "/v3/pay/transactions/jsapi", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242", Encoding.UTF8.GetBytes("{\"a\":1}"));
        Assert.Equal("POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"a\":1}\n", Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void V3RequestMessage_GetWithQuery_HasEmptyBodyLine()
    {
        var message = WeChatPayV3Signature.RequestMessage("GET", "/v3/pay/transactions/out-trade-no/X?mchid=Y", 1554208460, "N", []);
        Assert.Equal("GET\n/v3/pay/transactions/out-trade-no/X?mchid=Y\n1554208460\nN\n\n", Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void V3Authorization_Header_HasTheFiveQuotedItemsWithoutSpaces()
    {
        var header = WeChatPayV3Signature.Authorization("1900009191", "N0NCE", "c2ln", 1554208460, "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C");
        Assert.Equal(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"N0NCE\",signature=\"c2ln\",timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\"",
            header);
    }

    [Fact]
    public void V3Sign_IsDeterministicPkcs1AndVerifiesWithThePublicKey()
    {
        using var key = RSA.Create(2048);
        var message = WeChatPayV3Signature.RequestMessage("GET", "/v3/certificates", 1, "n", []);
        var first = WeChatPayV3Signature.Sign(key, message);
        Assert.Equal(first, WeChatPayV3Signature.Sign(key, message));
        Assert.True(key.VerifyData(message, Convert.FromBase64String(first), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void AeadDecrypt_WeChatPayJavaVector_GivesPlaintext()
    {
        var plaintext = WeChatPayAead.Decrypt(Encoding.UTF8.GetBytes("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"), "uluk4a9R25RW", "associatedData", "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=");
        Assert.Equal("message", Encoding.UTF8.GetString(plaintext));
    }

    [Theory]
    [InlineData("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb", "uluk4a9R25RW", "associatedDatX", "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=")] // AAD changed
    [InlineData("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb", "uluk4a9R25RX", "associatedData", "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=")] // nonce changed
    [InlineData("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb", "uluk4a9R25RW", "associatedData", "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwA=")] // tag changed
    [InlineData("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc", "uluk4a9R25RW", "associatedData", "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=")] // key changed
    [InlineData("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb", "uluk4a9R25RW", "associatedData", "not base64!")]
    public void AeadDecrypt_TamperedInput_IsRejected(string key, string nonce, string aad, string ciphertext) =>
        Assert.ThrowsAny<CryptographicException>(() => WeChatPayAead.Decrypt(Encoding.UTF8.GetBytes(key), nonce, aad, ciphertext));

    [Fact]
    public void AeadDecrypt_SixteenByteKeyVector_IsRejectedBecauseTheApiV3KeyIs32Bytes() =>
        Assert.Throws<CryptographicException>(() =>
            WeChatPayAead.Decrypt(Encoding.UTF8.GetBytes("testAPIv3Key0000"), "wCq51qZv4Yfg", "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC"));

    [Fact]
    public void TradeBill_WeChatSampleRowAndSummary_Parses()
    {
        var text = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
            + "`2020-03-16 15:43:02,`wx8888888888888888,`1900000109,`0,`,`4200000511202003161262478211,`20200316154216,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`OTHERS,`CNY,`0.06,`0.00,`0,`0,`0.00,`0.00,`,`,`test,`,`0.00000,`0.60%,`0.06,`0.00,`\r\n"
            + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
            + "`1,`0.06,`0.00,`0.00,`0.00000,`0.06,`0.00\r\n";
        var bill = WeChatPayTradeBill.Parse(text, new DateOnly(2020, 3, 16));
        var record = Assert.Single(bill.Records);
        Assert.Equal(ChannelBillRecordKind.Payment, record.Kind);
        Assert.Equal("20200316154216", record.MerchantOrderNumber);
        Assert.Equal("4200000511202003161262478211", record.ChannelTransactionId);
        Assert.Equal(Money.Fen(6), record.Amount);
        Assert.Equal(new DateTimeOffset(2020, 3, 16, 15, 43, 2, TimeSpan.FromHours(8)), record.OccurredAt);
    }

    [Theory]
    [InlineData("0.01", 1)]
    [InlineData("19.90", 1990)]
    [InlineData("9.8", 980)]
    [InlineData("100000.00", 10000000)]
    public void ParseYuan_DecimalStrings_ConvertExactlyToFen(string yuan, long fen) =>
        Assert.Equal(Money.Fen(fen), WeChatPayTradeBill.ParseYuan(yuan, 1, "x"));

    [Fact]
    public void ParseYuan_ThreeDecimals_IsRejectedNotRounded() =>
        Assert.Throws<ChannelBillException>(() => WeChatPayTradeBill.ParseYuan("0.015", 1, "应结订单金额"));
}
