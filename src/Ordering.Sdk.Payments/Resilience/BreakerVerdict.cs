namespace Ordering.Sdk.Payments;

// What one call's outcome says about the channel's health.
internal enum BreakerVerdict
{
    // The channel answered (success, decline, customer paying…): it is up.
    Healthy = 0,

    // No answer, a transport error, a 5xx or SYSTEMERROR: it may be down.
    Unhealthy = 1,

    // Cancelled by the caller: nothing was learnt.
    NoEvidence = 2,
}
