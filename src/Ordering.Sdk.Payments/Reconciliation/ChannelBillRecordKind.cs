namespace Ordering.Sdk.Payments;

/// <summary>What a row of a channel's trade bill (对账单) records.</summary>
public enum ChannelBillRecordKind
{
    /// <summary>A captured payment.</summary>
    Payment = 0,

    /// <summary>A refund of an earlier payment.</summary>
    Refund = 1,
}
