namespace Ordering.Sdk.Testing;

// What the simulated network does to the next request of one channel.
internal enum SimulatedNetworkFault
{
    None,
    Latency,
    AnswerAfterTimeout,
}
