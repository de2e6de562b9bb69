namespace Ordering.Sdk.Testing;

// The payment methods a simulated customer may use for one tender when the simulation runs over HTTP.
internal enum HttpSagaMethod
{
    WeChatCode,
    AlipayCode,
    WeChatJsapi,
    WeChatNative,
    AlipayQr,
    AlipayJsapi,
    Cash,
}
