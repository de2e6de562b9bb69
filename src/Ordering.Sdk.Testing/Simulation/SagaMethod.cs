namespace Ordering.Sdk.Testing;

// The payment methods a simulated customer may use for one tender.
internal enum SagaMethod
{
    WeChatCode,
    AlipayCode,
    WeChatJsapi,
    AlipayQr,
    Cash,
    StoredValue,
    InvalidCode,
}
