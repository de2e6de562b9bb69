namespace Ordering.Sdk.Payments;

// The states of ChannelCircuitBreaker.
internal enum ChannelCircuitState
{
    // Calls flow; their outcomes are sampled.
    Closed = 0,

    // Calls are refused until the break is over.
    Open = 1,

    // One probe call may go; its outcome closes or re-opens the circuit.
    HalfOpen = 2,
}
