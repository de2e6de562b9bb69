namespace Ordering.Sdk.Payments;

/// <summary>A point-in-time view of a refund and its parts (one per tender it draws from).</summary>
/// <param name="RefundNumber">The caller's refund number.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Amount">The total amount.</param>
/// <param name="Parts">The parts, one per refunded attempt.</param>
public sealed record RefundSnapshot(string RefundNumber, string OrderId, Money Amount, IReadOnlyList<RefundPartSnapshot> Parts)
{
    /// <summary>Gets the refund's overall state: Succeeded when every part did, Failed when any failed, otherwise in progress.</summary>
    public RefundState State
    {
        get
        {
            var allSucceeded = true;
            foreach (var part in Parts)
            {
                if (part.State == RefundState.Failed)
                {
                    return RefundState.Failed;
                }

                allSucceeded &= part.State == RefundState.Succeeded;
            }

            return allSucceeded ? RefundState.Succeeded : RefundState.Processing;
        }
    }
}
