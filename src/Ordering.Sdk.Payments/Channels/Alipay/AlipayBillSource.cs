using System.Globalization;

namespace Ordering.Sdk.Payments.Alipay;

// alipay.data.dataservice.bill.downloadurl.query (bill_type=trade) hands out a short-lived URL; the file behind it is the bill.
internal sealed class AlipayBillSource(AlipayClient client) : IChannelBillSource
{
    internal const string Method = "alipay.data.dataservice.bill.downloadurl.query";

    public PaymentChannelId Channel => PaymentChannelId.Alipay;

    public async ValueTask<ChannelBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        AlipayResponse response;
        try
        {
            response = await client.ExecuteAsync(
                Method,
                [new("bill_type", "trade"), new("bill_date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
                withNotifyUrl: false,
                cancellationToken).ConfigureAwait(false);
        }
        catch (AlipayTransportException ex)
        {
            throw new ChannelBillException("Alipay bill: " + ex.Message, ex);
        }
        catch (AlipayProtocolException ex)
        {
            throw new ChannelBillException("Alipay bill: " + ex.Message, ex);
        }

        if (!response.IsSuccess)
        {
            var error = response.ToError();
            throw new ChannelBillException($"Alipay bill for {day:yyyy-MM-dd}: {error.RawCode} {error.RawMessage}");
        }

        if (!Uri.TryCreate(response.Field("bill_download_url"), UriKind.Absolute, out var url))
        {
            throw new ChannelBillException("Alipay bill: bill_download_url is missing or not absolute.");
        }

        byte[] zip;
        try
        {
            zip = await client.DownloadAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (AlipayTransportException ex)
        {
            throw new ChannelBillException("Alipay bill: " + ex.Message, ex);
        }

        return AlipayBillParser.ParseZip(zip, day);
    }
}
