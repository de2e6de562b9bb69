using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Ordering.Sdk.Storage.Sqlite;

// Read-only connections to a WAL file, separate from the writer's: a WAL reader sees the last committed
// transaction and never waits for the writer, its open transaction or its fsync. Connections open on first
// need, up to a maximum; each read borrows one for the duration of a statement.
internal sealed class SqliteReaderPool : IAsyncDisposable
{
    private readonly string _filePath;
    private readonly SemaphoreSlim _available;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private readonly ConcurrentBag<SqliteConnection> _all = [];
    private int _disposed;

    public SqliteReaderPool(string filePath, int maxConnections)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnections);
        _filePath = filePath;
        _available = new SemaphoreSlim(maxConnections, maxConnections);
    }

    public async ValueTask<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_idle.TryTake(out var connection))
            {
                connection = await SqliteDatabase.OpenReaderAsync(_filePath, cancellationToken: cancellationToken).ConfigureAwait(false);
                _all.Add(connection);
            }

            try
            {
                return await read(connection, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _idle.Add(connection);
            }
        }
        finally
        {
            _available.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var connection in _all)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
