using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments;

// APIv3 request signing: SHA256withRSA (PKCS#1 v1.5) over "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n".
internal static class WeChatPayV3Signature
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    public static byte[] RequestMessage(string method, string canonicalUrl, long timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{method}\n{canonicalUrl}\n{timestamp}\n{nonce}\n"));
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    // Responses and callbacks: "TIMESTAMP\nNONCE\nBODY\n".
    public static byte[] ResponseMessage(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(timestamp + "\n" + nonce + "\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    public static string Sign(RSA key, ReadOnlySpan<byte> message) =>
        Convert.ToBase64String(key.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string Authorization(string merchantId, string nonce, string signature, long timestamp, string serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme} mchid=\"{merchantId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serial}\"");

    // The parameters a mini-program passes to wx.requestPayment: paySign = RSA over "appId\ntimeStamp\nnonceStr\npackage\n".
    public static string RequestPaymentSign(RSA key, string appId, string timeStamp, string nonce, string package) =>
        Sign(key, Encoding.UTF8.GetBytes(appId + "\n" + timeStamp + "\n" + nonce + "\n" + package + "\n"));
}
