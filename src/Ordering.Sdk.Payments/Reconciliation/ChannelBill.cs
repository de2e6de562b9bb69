namespace Ordering.Sdk.Payments;

/// <summary>A channel's trade bill for one business day, parsed into channel-neutral records.</summary>
/// <param name="Channel">The channel that issued the bill.</param>
/// <param name="Day">The business day the bill covers, in the channel's time zone (China Standard Time).</param>
/// <param name="Records">Every payment and refund row of the bill.</param>
public sealed record ChannelBill(PaymentChannelId Channel, DateOnly Day, IReadOnlyList<ChannelBillRecord> Records);
