namespace Ordering.Sdk.Payments;

/// <summary>What to do about a discrepancy.</summary>
public enum CorrectiveActionKind
{
    /// <summary>Refund an orphan charge at the channel with a refund number derived from the order number (so repeating it refunds once). Skip it to attach the money to an order by hand instead.</summary>
    RefundOrphanCharge = 0,

    /// <summary>Tell the engine the channel reports the payment as paid; the engine verifies by query and, if it had given up, refunds it.</summary>
    ConfirmPayment = 1,

    /// <summary>Tell the engine the channel reports the refund as done; the engine verifies by query.</summary>
    ConfirmRefund = 2,

    /// <summary>Ask the channel about a refund we think succeeded and send it again, same refund number, if the channel never saw it.</summary>
    RecheckRefund = 3,

    /// <summary>A person must look (amounts differ, or money is missing at the channel); nothing is done automatically.</summary>
    ManualReview = 4,
}
