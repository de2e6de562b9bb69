using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Testing;

// The simulated customers: what the holder of each payment code does, and when a diner scanning a QR code or
// paying in the mini-program confirms. Drawn from the seed before each charge.
internal sealed partial class HttpSimulationWorld
{
    private readonly List<(DateTimeOffset At, string OutTradeNo)> _alipayPayers = [];

    private void PrepareCustomer(HttpSagaMethod method, TenderRequest request)
    {
        switch (method)
        {
            case HttpSagaMethod.WeChatCode:
                _wechat.ClearCustomers();
                _wechat.EnqueueCustomer(WeChatCodePayer());
                break;
            case HttpSagaMethod.WeChatJsapi or HttpSagaMethod.WeChatNative:
                _wechat.ClearCustomers();
                _wechat.EnqueueCustomer(WeChatScanner());
                break;
            case HttpSagaMethod.AlipayCode:
                _alipay.SetCustomer(request.PaymentCode!, AlipayCodePayer());
                break;
        }
    }

    private void AttemptCreated(HttpSagaMethod method, PaymentAttemptSnapshot attempt)
    {
        if (method is HttpSagaMethod.AlipayQr or HttpSagaMethod.AlipayJsapi && _random.Next(100) < 70)
        {
            // Alipay has no customer queue for QR and mini-program trades: the diner confirms on their phone later.
            _alipayPayers.Add((_time.GetUtcNow() + TimeSpan.FromSeconds(_random.Next(2, 150)), attempt.AttemptId));
        }
    }

    private void CustomersAct()
    {
        var now = _time.GetUtcNow();
        for (var i = 0; i < _alipayPayers.Count; i++)
        {
            var (at, outTradeNo) = _alipayPayers[i];
            if (at <= now)
            {
                var paid = _alipay.CustomerPays(outTradeNo);
                Trace($"alipay customer confirms {outTradeNo}: {(paid ? "paid" : "trade no longer waiting")}");
                _alipayPayers.RemoveAt(i--);
            }
        }
    }

    private WeChatPaySandboxCustomer WeChatCodePayer()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 45 => new(WeChatPaySandboxCustomerAction.Pays, TimeSpan.Zero),
            < 62 => new(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(_random.Next(1, 50))),
            < 72 => new(WeChatPaySandboxCustomerAction.WrongPassword, TimeSpan.FromSeconds(_random.Next(0, 20))),
            < 80 => new(WeChatPaySandboxCustomerAction.InsufficientBalance, TimeSpan.Zero),
            < 88 => new(WeChatPaySandboxCustomerAction.Cancels, TimeSpan.FromSeconds(_random.Next(1, 30))),
            < 94 => new(WeChatPaySandboxCustomerAction.ExpiredCode, TimeSpan.Zero),
            _ => new(WeChatPaySandboxCustomerAction.NeverPays, TimeSpan.Zero),
        };
    }

    private WeChatPaySandboxCustomer WeChatScanner()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 65 => new(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(_random.Next(2, 150))),
            < 80 => new(WeChatPaySandboxCustomerAction.Cancels, TimeSpan.FromSeconds(_random.Next(5, 60))),
            _ => new(WeChatPaySandboxCustomerAction.NeverPays, TimeSpan.Zero),
        };
    }

    private AlipaySandboxCustomer AlipayCodePayer()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 45 => AlipaySandboxCustomer.PaysAtOnce,
            < 62 => new(AlipayCustomerBehavior.PaysAfterDelay, TimeSpan.FromSeconds(_random.Next(1, 70))),
            < 72 => new(AlipayCustomerBehavior.WrongPassword, TimeSpan.Zero),
            < 80 => new(AlipayCustomerBehavior.InsufficientBalance, TimeSpan.Zero),
            < 88 => new(AlipayCustomerBehavior.CancelsAfterDelay, TimeSpan.FromSeconds(_random.Next(1, 30))),
            < 94 => new(AlipayCustomerBehavior.ExpiredCode, TimeSpan.Zero),
            _ => new(AlipayCustomerBehavior.RiskRejected, TimeSpan.Zero),
        };
    }
}
