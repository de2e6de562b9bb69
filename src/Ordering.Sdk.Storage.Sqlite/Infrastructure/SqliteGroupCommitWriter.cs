using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Ordering.Sdk.Storage.Sqlite;

// The single writer of one store's connection. Concurrent writes queue here; one loop takes everything queued,
// runs it in one BEGIN IMMEDIATE transaction (one fsync for the whole batch) with a SAVEPOINT around each write,
// and completes every caller only after the COMMIT returned. A write that throws, or that asks to be undone, is
// rolled back to its savepoint and fails or answers alone; the others of the batch still commit. If BEGIN or
// COMMIT fails nothing of the batch was written and every caller of the batch gets the error.
// Shareable by any store that owns its connection (the order store and the print outbox use it; the payment
// journal could). The loop is a thread-pool task that stops when the writer is disposed; there is no timer:
// writes that arrive while a batch is committing simply form the next batch.
internal sealed class SqliteGroupCommitWriter : IAsyncDisposable
{
    private const string Savepoint = "group_commit_write";

    private readonly SqliteConnection _connection;
    private readonly int _maxBatchSize;
    private readonly GroupCommitHooks? _hooks;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SqliteGroupCommitWriter(SqliteConnection connection, int maxBatchSize = DefaultMaxBatchSize, GroupCommitHooks? hooks = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatchSize);
        _connection = connection;
        _maxBatchSize = maxBatchSize;
        _hooks = hooks;
        _loop = Task.Run(RunAsync);
    }

    public const int DefaultMaxBatchSize = 512;

    // The transaction the writes of the current batch run in, for commands a store keeps across batches; null
    // between batches. Read it only from inside a write.
    public SqliteTransaction? Transaction { get; private set; }

    // Queues a write and returns once the transaction holding it committed. The write is queued before this
    // method returns (callers may rely on that ordering); cancelling only withdraws a write not yet taken.
    // keep: whether the write's effects stay; false rolls it back to its savepoint (e.g. a conflict found late).
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, Func<T, bool>? keep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var pending = new PendingWrite<T>(write, keep, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommitWriter), "The store is closed; nothing was written.");
        }

        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Everything already queued is still written and answered before the loop ends.
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                if (pending.TryTake())
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask CommitAsync(List<PendingWrite> batch)
    {
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction(deferred: false);
            Transaction = transaction;
            foreach (var pending in batch)
            {
                Run(transaction, pending);
            }

            if (_hooks?.BeforeCommit is { } beforeCommit)
            {
                await beforeCommit(batch.Count).ConfigureAwait(false);
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            RollBack(transaction);
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }

            return;
        }
        finally
        {
            Transaction = null;
            transaction?.Dispose();
        }

        _hooks?.Committed?.Invoke(batch.Count);
        foreach (var pending in batch)
        {
            pending.Complete();
        }
    }

    private void Run(SqliteTransaction transaction, PendingWrite pending)
    {
        transaction.Save(Savepoint);
        bool keep;
        try
        {
            keep = pending.Execute(_connection);
        }
        catch (Exception ex)
        {
            UndoAlone(transaction, ex);
            pending.SetError(ex);
            return;
        }

        if (!keep)
        {
            transaction.Rollback(Savepoint);
        }

        transaction.Release(Savepoint);
    }

    // Undoes one write. If even that fails (SQLite rolled the whole transaction back after an I/O error or a full
    // disk) the transaction is unusable and the whole batch fails with the write's own error.
    private static void UndoAlone(SqliteTransaction transaction, Exception error)
    {
        try
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
        }
        catch (SqliteException)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private static void RollBack(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back itself (I/O error, disk full); nothing is left to undo.
        }
        catch (InvalidOperationException)
        {
            // The transaction had completed or was never started.
        }
    }

    private abstract class PendingWrite
    {
        private int _state;

        // Taken by the loop: from now on the write is attempted and cancellation no longer withdraws it.
        public bool TryTake() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public abstract bool Execute(SqliteConnection connection);

        public abstract void SetError(Exception error);

        public abstract void Complete();

        public abstract void Fail(Exception error);

        protected bool TryWithdraw() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;
    }

    private sealed class PendingWrite<T> : PendingWrite
    {
        private readonly Func<SqliteConnection, T> _write;
        private readonly Func<T, bool>? _keep;
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _registration;
        private T? _result;
        private Exception? _error;

        public PendingWrite(Func<SqliteConnection, T> write, Func<T, bool>? keep, CancellationToken cancellationToken)
        {
            _write = write;
            _keep = keep;
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(static (state, token) =>
                {
                    var self = (PendingWrite<T>)state!;
                    if (self.TryWithdraw())
                    {
                        self._completion.TrySetCanceled(token);
                    }
                }, this);
            }
        }

        public Task<T> Task => _completion.Task;

        public override bool Execute(SqliteConnection connection)
        {
            _result = _write(connection);
            return _keep?.Invoke(_result) ?? true;
        }

        public override void SetError(Exception error) => _error = error;

        public override void Complete()
        {
            _registration.Dispose();
            if (_error is not null)
            {
                _completion.TrySetException(_error);
            }
            else
            {
                _completion.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception error)
        {
            _registration.Dispose();
            _completion.TrySetException(error);
        }
    }
}
