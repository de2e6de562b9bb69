using System.Text;
using System.Text.Json;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayResponseVerificationTests
{
    // Alipay signs the node exactly as it sent it: spacing, field order and escapes included.
    private const string Node = "{ \"code\":\"10000\", \"msg\":\"Success\",\"trade_no\":\"2026112422001\",\"subject\":\"宫保鸡丁 \\\"大\\\"\",\"total_amount\":\"88.00\" }";

    [Fact]
    public void Verify_ExactNodeBytes_Succeeds()
    {
        var (body, key) = Signed(Node);

        var signed = AlipaySignedResponse.Extract(body, "alipay_trade_query_response");

        Assert.True(AlipaySignature.Verify(signed.ContentText, signed.Sign, key));
    }

    [Fact]
    public void Verify_ReserializedNode_Fails()
    {
        var (body, key) = Signed(Node);
        var signed = AlipaySignedResponse.Extract(body, "alipay_trade_query_response");

        var reserialized = JsonSerializer.Serialize(JsonDocument.Parse(signed.Content).RootElement);

        Assert.NotEqual(signed.ContentText, reserialized);
        Assert.False(AlipaySignature.Verify(reserialized, signed.Sign, key));
    }

    [Theory]
    [InlineData("88.00", "88.01")]
    [InlineData("10000", "10003")]
    [InlineData("2026112422001", "2026112422002")]
    public void Verify_TamperedBody_Fails(string original, string replacement)
    {
        var (body, key) = Signed(Node);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(original, replacement, StringComparison.Ordinal));

        var signed = AlipaySignedResponse.Extract(tampered, "alipay_trade_query_response");

        Assert.False(AlipaySignature.Verify(signed.ContentText, signed.Sign, key));
    }

    [Fact]
    public void Verify_TamperedSign_Fails()
    {
        var (body, key) = Signed(Node);
        var text = Encoding.UTF8.GetString(body);
        var at = text.IndexOf("\"sign\":\"", StringComparison.Ordinal) + 8;
        var flipped = text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..];

        var signed = AlipaySignedResponse.Extract(Encoding.UTF8.GetBytes(flipped), "alipay_trade_query_response");

        Assert.False(AlipaySignature.Verify(signed.ContentText, signed.Sign, key));
    }

    private static (byte[] Body, System.Security.Cryptography.RSA PublicKey) Signed(string node)
    {
        using var alipay = AlipayKeys.Load(AlipayTestKeys.AlipayPrivatePem);
        var sign = AlipaySignature.Sign(node, alipay);
        var body = "{\"alipay_trade_query_response\":" + node + ",\"sign\":\"" + sign + "\"}";
        return (Encoding.UTF8.GetBytes(body), AlipayKeys.Load(AlipayTestKeys.AlipayPublicPem));
    }
}
