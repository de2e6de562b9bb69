namespace Ordering.Sdk.Testing;

/// <summary>A network or gateway fault the fake channel injects into one call.</summary>
public enum FakeCallFault
{
    /// <summary>No fault.</summary>
    None = 0,

    /// <summary>The request never arrived; the caller times out.</summary>
    LostBeforeArrival = 1,

    /// <summary>The channel processed the request but the response was lost; the caller times out.</summary>
    ResponseLost = 2,

    /// <summary>The connection was reset before the request arrived.</summary>
    ResetBeforeArrival = 3,

    /// <summary>The channel processed the request, then the connection was reset.</summary>
    ResetAfterProcessing = 4,

    /// <summary>HTTP 5xx before processing (SERVICE_UNAVAILABLE).</summary>
    ServerError = 5,

    /// <summary>SYSTEMERROR after processing: the outcome is unknown to the caller.</summary>
    SystemErrorAfterProcessing = 6,

    /// <summary>FREQUENCY_LIMITED before processing.</summary>
    RateLimited = 7,
}
