namespace Ordering.Sdk.Testing.Alipay;

/// <summary>The sandbox's truth about a trade, with Alipay's status names.</summary>
public enum AlipaySandboxTradeStatus
{
    /// <summary>WAIT_BUYER_PAY.</summary>
    WaitBuyerPay = 0,

    /// <summary>TRADE_SUCCESS.</summary>
    TradeSuccess = 1,

    /// <summary>TRADE_CLOSED (unpaid and closed, cancelled, or fully refunded).</summary>
    TradeClosed = 2,
}
