namespace Ordering.Sdk.Devices.Transports;

/// <summary>A byte pipe to one printer (TCP 9100, a Linux USB device file, …).</summary>
/// <remarks>
/// Implementations apply their own connect/write/read timeouts and report them as <see cref="TimeoutException"/>;
/// a broken connection is reported as <see cref="IOException"/> and repaired by the next <see cref="ConnectAsync"/>.
/// </remarks>
/// <threadsafety>Not thread-safe: the print queue uses one transport per printer from one writer at a time.</threadsafety>
public interface IPrinterTransport : IAsyncDisposable
{
    /// <summary>Gets a value indicating whether the transport can read replies (status, completion signals).</summary>
    bool CanRead { get; }

    /// <summary>Opens the connection if it is not open (reconnecting after a failure).</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A task that completes when connected.</returns>
    ValueTask ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Writes all of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the bytes are handed to the printer (not printed).</returns>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Reads what the printer sent back, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="buffer">Where to put the bytes.</param>
    /// <param name="timeout">How long to wait for at least one byte.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The number of bytes read; 0 when nothing arrived in time.</returns>
    ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Closes the connection; the next <see cref="ConnectAsync"/> opens a new one.</summary>
    /// <returns>A task that completes when closed.</returns>
    ValueTask DisconnectAsync();
}
