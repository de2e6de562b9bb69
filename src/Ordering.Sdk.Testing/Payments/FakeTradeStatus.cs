namespace Ordering.Sdk.Testing;

/// <summary>The status of a <see cref="FakeTrade"/> at the fake channel.</summary>
public enum FakeTradeStatus
{
    /// <summary>The customer is paying (USERPAYING / NOTPAY with a QR shown).</summary>
    Paying = 0,

    /// <summary>Paid: the money was captured.</summary>
    Paid = 1,

    /// <summary>Failed (wrong password, insufficient balance, expired code, risk).</summary>
    Failed = 2,

    /// <summary>Closed before it was paid.</summary>
    Closed = 3,

    /// <summary>Reversed after it was paid: the money went back.</summary>
    Reversed = 4,
}
