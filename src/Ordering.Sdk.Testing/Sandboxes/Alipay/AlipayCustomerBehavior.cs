namespace Ordering.Sdk.Testing.Alipay;

/// <summary>What a simulated customer does with a barcode payment.</summary>
public enum AlipayCustomerBehavior
{
    /// <summary>Pays without a password prompt: alipay.trade.pay answers 10000.</summary>
    PaysAtOnce = 0,

    /// <summary>Is asked for a password (10003 WAIT_BUYER_PAY) and pays after the delay.</summary>
    PaysAfterDelay = 1,

    /// <summary>Is asked for a password and keeps typing it wrong: the trade waits until cancelled or closed.</summary>
    WrongPassword = 2,

    /// <summary>Has too little balance: 40004 ACQ.BUYER_BALANCE_NOT_ENOUGH.</summary>
    InsufficientBalance = 3,

    /// <summary>Is asked for a password and cancels on the phone after the delay: the trade closes.</summary>
    CancelsAfterDelay = 4,

    /// <summary>Shows an expired payment code: 40004 ACQ.PAYMENT_AUTH_CODE_INVALID.</summary>
    ExpiredCode = 5,

    /// <summary>Is stopped by Alipay's risk control: 40004 ACQ.PAYMENT_REQUEST_HAS_RISK.</summary>
    RiskRejected = 6,
}
