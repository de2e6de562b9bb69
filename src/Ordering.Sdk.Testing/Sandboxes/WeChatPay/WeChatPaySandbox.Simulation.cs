namespace Ordering.Sdk.Testing;

// Knobs for simulations that inject one fault at a time and heal the network afterwards.
public sealed partial class WeChatPaySandbox
{
    /// <summary>Gets how many injected faults and errors are still waiting for a request or callback.</summary>
    public int PendingFaults
    {
        get
        {
            lock (_gate)
            {
                return _faults.Count + _errors.Count;
            }
        }
    }

    /// <summary>Drops every injected fault and error that has not struck yet (the network heals).</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
            _errors.Clear();
        }
    }

    /// <summary>Forgets queued and per-trade customers no charge has met yet, so the next <see cref="EnqueueCustomer"/> is the next charge's.</summary>
    public void ClearCustomers()
    {
        lock (_gate)
        {
            _customers.Clear();
            _customersByTrade.Clear();
        }
    }
}
