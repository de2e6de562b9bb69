namespace Ordering.Sdk.Payments;

// A call admitted by ChannelCircuitBreaker: the time bucket it was sent in, the window it belongs to (generation),
// or that it is the half-open probe.
internal readonly record struct BreakerTicket(long Epoch, int Generation, bool IsProbe);
