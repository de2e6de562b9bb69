namespace DemoRestaurant.Chaos;

/// <summary>What the chaos panel does to one request on its way to a payment gateway.</summary>
internal enum GatewayFault
{
    /// <summary>Nothing: the request goes through.</summary>
    None = 0,

    /// <summary>The connection is lost before the gateway saw the request (nothing happened there).</summary>
    DropBeforeProcessing = 1,

    /// <summary>The gateway acted, then the connection was lost: the answer never arrives.</summary>
    DropAfterProcessing = 2,

    /// <summary>The gateway answers with a bare 5xx page.</summary>
    ServerError = 3,

    /// <summary>The gateway answers with its business-level system error (WeChat Pay SYSTEMERROR, Alipay ACQ.SYSTEM_ERROR).</summary>
    SystemError = 4,
}
