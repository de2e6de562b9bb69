using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments;

// The daily trade bill: /v3/bill/tradebill answers a download URL and a SHA1; the file itself is not
// signed, so its hash is what proves it.
internal sealed partial class WeChatPayChannel
{
    public async ValueTask<ChannelBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var path = "/v3/bill/tradebill?bill_date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "&bill_type=ALL";
        try
        {
            var response = await _http.SendV3Async(HttpMethod.Get, path, null, verify: true, cancellationToken).ConfigureAwait(false);
            if (!WeChatPayHttp.IsSuccess(response.StatusCode))
            {
                var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
                if (code == "NO_STATEMENT_EXIST")
                {
                    return new ChannelBill(PaymentChannelId.WeChatPay, day, []);
                }

                throw new ChannelBillException("WeChat Pay bill for " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " was refused: " + code + " " + SensitiveData.Mask(message));
            }

            string downloadUrl;
            string hashValue;
            using (var document = WeChatPayJson.TryParse(response.Body))
            {
                var root = document?.RootElement ?? default;
                downloadUrl = WeChatPayJson.String(root, "download_url") ?? throw new ChannelBillException("WeChat Pay bill: download_url is missing.");
                hashValue = WeChatPayJson.String(root, "hash_value") ?? throw new ChannelBillException("WeChat Pay bill: hash_value is missing.");
                if (WeChatPayJson.String(root, "hash_type") is { } hashType && hashType != "SHA1")
                {
                    throw new ChannelBillException("WeChat Pay bill: hash_type '" + hashType + "' is not supported.");
                }
            }

            if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out var url))
            {
                throw new ChannelBillException("WeChat Pay bill: download_url is not an absolute URL.");
            }

            var file = await _http.SendV3Async(HttpMethod.Get, url.PathAndQuery, null, verify: false, cancellationToken).ConfigureAwait(false);
            if (!WeChatPayHttp.IsSuccess(file.StatusCode))
            {
                var (code, _) = WeChatPayJson.Error(file.Body, file.StatusCode);
                throw new ChannelBillException("WeChat Pay bill download failed: " + code);
            }

#pragma warning disable CA5350 // WeChat Pay publishes the bill's SHA1; it is an integrity check, not a signature.
            var actual = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA1.HashData(file.Body)));
#pragma warning restore CA5350
            var expected = Encoding.ASCII.GetBytes(hashValue.ToLowerInvariant());
            if (!CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                throw new ChannelBillException("WeChat Pay bill: the file's SHA1 does not match hash_value; it was corrupted or tampered with.");
            }

            return WeChatPayTradeBill.Parse(Encoding.UTF8.GetString(file.Body), day);
        }
        catch (WeChatPayTransportException ex)
        {
            throw new ChannelBillException("WeChat Pay bill could not be downloaded: " + ex.Message, ex);
        }
    }
}
