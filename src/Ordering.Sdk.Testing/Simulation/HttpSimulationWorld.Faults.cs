using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Testing;

// Faults drawn from the seed during the safety phase, one pending per channel at a time: they strike the next
// request (or callback) of that channel, whichever it is, so the sequence stays a function of the seed.
internal sealed partial class HttpSimulationWorld
{
    private static readonly TimeSpan MaxLatency = TimeSpan.FromMilliseconds(25);

    private readonly Dictionary<string, long> _injected = new(StringComparer.Ordinal);
    private readonly double _faultRate;
    private DateTimeOffset _livenessStart = DateTimeOffset.MaxValue;
    private string? _pendingWeChat;
    private string? _pendingAlipay;

    private void MaybeInjectFault()
    {
        if (_random.NextDouble() >= _faultRate)
        {
            return;
        }

        if (_random.Next(2) == 0)
        {
            InjectWeChatFault();
        }
        else
        {
            InjectAlipayFault();
        }
    }

    private void InjectWeChatFault()
    {
        if (_wechat.PendingFaults > 0 || _wechatNetwork.HasPendingFault)
        {
            return;
        }

        var kind = _random.Next(11);
        switch (kind)
        {
            case < 7:
                var fault = (WeChatPaySandboxFault)kind; // DropBefore, DropAfter, 5xx, SYSTEMERROR, bad signature, duplicate and probe callbacks
                _wechat.EnqueueFault(fault);
                Count("wechat." + fault);
                break;
            case 7:
                _wechat.EnqueueError("FREQUENCY_LIMITED", 429, "频率超限");
                Count("wechat.FREQUENCY_LIMITED");
                break;
            case 8:
                _wechat.EnqueueError("SYSTEM_ERROR", 500, "系统异常，请稍后重试");
                Count("wechat.SYSTEM_ERROR unprocessed");
                break;
            case 9:
                _wechatNetwork.Inject(SimulatedNetworkFault.Latency, TimeSpan.FromMilliseconds(_random.Next(1, (int)MaxLatency.TotalMilliseconds)));
                Count("wechat.Latency");
                break;
            default:
                _wechatNetwork.Inject(SimulatedNetworkFault.AnswerAfterTimeout);
                Count("wechat.AnswerAfterTimeout");
                break;
        }
    }

    private void InjectAlipayFault()
    {
        if (_alipay.PendingFaults > 0 || _alipayNetwork.HasPendingFault)
        {
            return;
        }

        var kind = _random.Next(9);
        if (kind < 8)
        {
            var fault = (AlipaySandboxFaultKind)kind;
            var delay = fault == AlipaySandboxFaultKind.Latency ? TimeSpan.FromMilliseconds(_random.Next(1, (int)MaxLatency.TotalMilliseconds)) : TimeSpan.Zero;
            _alipay.InjectFault(new AlipaySandboxFault(fault, Delay: delay));
            Count("alipay." + fault);
        }
        else
        {
            _alipayNetwork.Inject(SimulatedNetworkFault.AnswerAfterTimeout);
            Count("alipay.AnswerAfterTimeout");
        }
    }

    private void Count(string kind)
    {
        _injected[kind] = _injected.GetValueOrDefault(kind) + 1;
        if (kind.StartsWith("wechat.", StringComparison.Ordinal))
        {
            _pendingWeChat = kind;
        }
        else
        {
            _pendingAlipay = kind;
        }

        Trace("fault armed: " + kind);
    }

    // Faults that never struck do not count as injected.
    private void Heal()
    {
        if (_pendingWeChat is not null && (_wechat.PendingFaults > 0 || _wechatNetwork.HasPendingFault))
        {
            _injected[_pendingWeChat]--;
        }

        if (_pendingAlipay is not null && (_alipay.PendingFaults > 0 || _alipayNetwork.HasPendingFault))
        {
            _injected[_pendingAlipay]--;
        }

        _wechat.ClearFaults();
        _alipay.ClearFaults();
        _wechatNetwork.Heal();
        _alipayNetwork.Heal();
    }
}
