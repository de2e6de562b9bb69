namespace Ordering.Sdk.Payments;

/// <summary>A channel that can download and parse its trade bill (对账单) for a day.</summary>
/// <remarks>WeChat Pay and Alipay adapters implement this beside <see cref="IPaymentChannel"/>.</remarks>
public interface IChannelBillSource
{
    /// <summary>The channel whose bill this source downloads.</summary>
    PaymentChannelId Channel { get; }

    /// <summary>Downloads, verifies and parses the trade bill of one day.</summary>
    /// <param name="day">The business day, in China Standard Time.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The parsed bill; an empty bill when the channel reports no trades that day.</returns>
    /// <exception cref="ChannelBillException">The bill could not be downloaded, verified or parsed.</exception>
    ValueTask<ChannelBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken);
}
