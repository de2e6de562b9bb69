using System.Security.Cryptography;
using System.Text;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipaySignatureTests
{
    // Published vector: alipay-sdk-nodejs-all test/alipay.test.ts, a real trade notification and the Alipay public key.
    internal const string VectorPublicKey = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqObrdC7hrgAVM98tK0nv3hSQRGGKT4lBsQjHiGjeYZjOPIPHR5knm2jnnz/YGIXIofVHkA/tAlBAd5DrY7YpvI4tP5EONLtZKC2ghBMx7McI2wRD0xiqzxOQr1FuhZGJ8/AUokBzJrzY+aGX2xcOrxFYRlFilvVLTXg4LWjR1tdPkO6+i7wQZAIVMClPkwVRZEbaERRHlKqTzv2gGv5rDU8gRoe1LeaN+6BlbTqHWkQcNCUNrA8C6l17XAXGKDsm/9TFWwO8EPHHHCaQdjtV5/FdcWIt+L8SR1ss7EXTjYDFtxcKVv9rEoY1lX8T4mX+GbXfZHraG5NCF1+XioL5JwIDAQAB";

    internal const string VectorSign = "QfTb8tqE1BMhS5qAnXtvsF3/jBkEvu9q9en0pdbBUDDjvKycZhQb7h8GDs4FKfi049PynaNuatxSgLb/nLWZpXyyh0LEWdK2S6Ri7nPwrVgOs08zugLO20vOQz44y3ti2Ncm8/wZts1Fr2gZ7pShnVX3d1B50hbsXnObT1r/U8ONNQjWXd0HIul4TG+Q3fm3svmSvFEy0WnzuhcyHPX5Gm4ELNctL6Qd5YniGJFNcc7kopHYtI/XD9YCKCH6Ct02rzUs9i11C9CsadtZn+WhxF26Dqt9sGEFajkJ8cxUTLi8+VCpLHsgPE8P0y095uQcDdK0YjCh4x7wVSov+lrmOQ==";

    internal static List<KeyValuePair<string, string>> VectorFields() =>
    [
        new("gmt_create", "2019-08-15 15:56:22"),
        new("charset", "utf-8"),
        new("seller_email", "z97-yuquerevenue@service.aliyun.com"),
        new("subject", "语雀空间 500人规模"),
        new("sign", VectorSign),
        new("buyer_id", "2088102534368455"),
        new("invoice_amount", "0.10"),
        new("notify_id", "2019081500222155624068450559358070"),
        new("fund_bill_list", "[{\"amount\":\"0.10\",\"fundChannel\":\"ALIPAYACCOUNT\"}]"),
        new("notify_type", "trade_status_sync"),
        new("trade_status", "TRADE_SUCCESS"),
        new("receipt_amount", "0.10"),
        new("buyer_pay_amount", "0.10"),
        new("sign_type", "RSA2"),
        new("app_id", "2019073166072302"),
        new("seller_id", "2088531891668739"),
        new("gmt_payment", "2019-08-15 15:56:24"),
        new("notify_time", "2019-08-15 15:56:25"),
        new("version", "1.0"),
        new("out_trade_no", "20190815155618536-564-57"),
        new("total_amount", "0.10"),
        new("trade_no", "2019081522001468450512505578"),
        new("auth_app_id", "2019073166072302"),
        new("buyer_logon_id", "xud***@126.com"),
        new("point_amount", "0.00"),
    ];

    [Fact]
    public void Verify_PublishedNotificationVector_Succeeds()
    {
        using var key = AlipayKeys.Load(VectorPublicKey);

        var content = AlipaySignature.SignContent(VectorFields(), includeSignType: false);

        Assert.True(AlipaySignature.Verify(content, VectorSign, key));
        Assert.DoesNotContain("sign_type", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PublishedVectorWithSignTypeIncluded_Fails()
    {
        using var key = AlipayKeys.Load(VectorPublicKey);

        Assert.False(AlipaySignature.Verify(AlipaySignature.SignContent(VectorFields(), includeSignType: true), VectorSign, key));
    }

    [Theory]
    [InlineData("total_amount", "0.11")]
    [InlineData("out_trade_no", "20190815155618536-564-58")]
    [InlineData("subject", "语雀空间 501人规模")]
    public void Verify_TamperedField_Fails(string field, string value)
    {
        using var key = AlipayKeys.Load(VectorPublicKey);
        var fields = VectorFields().Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value) : f).ToList();

        Assert.False(AlipaySignature.Verify(AlipaySignature.SignContent(fields, includeSignType: false), VectorSign, key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("QUJD")]
    public void Verify_MalformedSignature_FailsWithoutThrowing(string sign)
    {
        using var key = AlipayKeys.Load(VectorPublicKey);

        Assert.False(AlipaySignature.Verify("a=b", sign, key));
    }

    [Fact]
    public void SignContent_SortsOrdinallySkipsEmptyAndSign()
    {
        var content = AlipaySignature.SignContent(
            [new("b", "2"), new("a", "1"), new("B", "3"), new("sign", "x"), new("empty", string.Empty), new("sign_type", "RSA2")],
            includeSignType: true);

        Assert.Equal("B=3&a=1&b=2&sign_type=RSA2", content);
    }

    [Fact]
    public void Sign_ThenVerify_RoundTripsOverUtf8()
    {
        using var app = AlipayKeys.Load(AlipayTestKeys.AppPrivatePem);
        using var publicKey = AlipayKeys.Load(AlipayTestKeys.AppPublicPem);
        var content = "biz_content={\"subject\":\"宫保鸡丁\"}&charset=utf-8";

        var sign = AlipaySignature.Sign(content, app);

        Assert.True(AlipaySignature.Verify(content, sign, publicKey));
        Assert.False(AlipaySignature.Verify(content.Replace("宫保", "宫爆", StringComparison.Ordinal), sign, publicKey));

        // Deterministic PKCS#1 v1.5: equal to the BCL's own SHA256withRSA over the UTF-8 bytes.
        Assert.Equal(Convert.ToBase64String(app.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), sign);
    }

    [Fact]
    public void Extract_ResponseSampleFromReference_TakesTheExactNodeText()
    {
        // Reference vector 10: the extraction rule on alipay_open_file_upload_response.
        const string body = "{\"alipay_open_file_upload_response\":{\"code\":\"10000\",\"msg\":\"Success\",\"file_id\":\"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr\"},\"sign\":\"abc\"}";

        var signed = AlipaySignedResponse.Extract(Encoding.UTF8.GetBytes(body), "alipay_open_file_upload_response");

        Assert.Equal("{\"code\":\"10000\",\"msg\":\"Success\",\"file_id\":\"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr\"}", signed.ContentText);
        Assert.Equal("abc", signed.Sign);
    }

    [Fact]
    public void Extract_BracesQuotesEscapesAndSpacing_KeptVerbatim()
    {
        const string node = "{ \"code\" : \"10000\", \"msg\":\"a}\\\"{b\\\\\", \"x\":{\"y\":[1,{\"z\":\"}\"}]}, \"s\":\"\\u5b9d\" }";
        var body = "{\"sign\":\"S\",\"alipay_trade_query_response\":" + node + ",\"alipay_cert_sn\":\"1\"}";

        var signed = AlipaySignedResponse.Extract(Encoding.UTF8.GetBytes(body), "alipay_trade_query_response");

        Assert.Equal(node, signed.ContentText);
        Assert.Equal("S", signed.Sign);
    }

    [Fact]
    public void Extract_ErrorResponseNode_IsReturned()
    {
        var signed = AlipaySignedResponse.Extract(Encoding.UTF8.GetBytes("{\"error_response\":{\"code\":\"40002\"},\"sign\":\"S\"}"), "alipay_trade_pay_response");

        Assert.Equal(AlipaySignedResponse.ErrorNode, signed.NodeName);
        Assert.Equal("{\"code\":\"40002\"}", signed.ContentText);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{\"other_response\":{}}")]
    [InlineData("{\"alipay_trade_pay_response\":{\"code\":")]
    public void Extract_Malformed_Throws(string body)
    {
        Assert.Throws<AlipayProtocolException>(() => AlipaySignedResponse.Extract(Encoding.UTF8.GetBytes(body), "alipay_trade_pay_response"));
    }
}
