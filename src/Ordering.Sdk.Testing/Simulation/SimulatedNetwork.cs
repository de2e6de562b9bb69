namespace Ordering.Sdk.Testing;

// The network between the adapter and a sandbox: the next request can be slowed down (real time, well under
// the request timeout, so the outcome stays the same) or have its answer arrive after the adapter stopped
// waiting (processed by the sandbox, seen by the adapter as a timeout: the outcome is unknown).
internal sealed class SimulatedNetwork : DelegatingHandler
{
    private readonly Lock _gate = new();
    private SimulatedNetworkFault _next;
    private TimeSpan _latency;

    public SimulatedNetwork()
        : base(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30), UseProxy = false })
    {
    }

    public bool HasPendingFault
    {
        get
        {
            lock (_gate)
            {
                return _next != SimulatedNetworkFault.None;
            }
        }
    }

    public void Inject(SimulatedNetworkFault fault, TimeSpan latency = default)
    {
        lock (_gate)
        {
            _next = fault;
            _latency = latency;
        }
    }

    public void Heal() => Inject(SimulatedNetworkFault.None);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SimulatedNetworkFault fault;
        TimeSpan latency;
        lock (_gate)
        {
            (fault, latency) = (_next, _latency);
            _next = SimulatedNetworkFault.None;
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        switch (fault)
        {
            case SimulatedNetworkFault.Latency:
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
                break;
            case SimulatedNetworkFault.AnswerAfterTimeout:
                response.Dispose();
                throw new TaskCanceledException("Simulated: the answer arrived after the request timeout.");
        }

        return response;
    }
}
