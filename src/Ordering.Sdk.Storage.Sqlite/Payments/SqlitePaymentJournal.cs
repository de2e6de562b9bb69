using Microsoft.Data.Sqlite;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>The payment journal in a SQLite file: every append is committed with <c>synchronous=FULL</c> before it returns.</summary>
/// <remarks>
/// Group commit: appends from concurrent callers are queued and written by one writer loop, a whole batch in
/// one transaction and so one fsync; each caller completes only once the transaction holding its entry has
/// committed. A batch that fails is retried entry by entry, so a failure reaches exactly the callers whose
/// entries were not written. The writer runs on the thread pool only while appends are queued.
/// </remarks>
/// <threadsafety>Safe to use from several threads; one connection, written by one writer at a time.</threadsafety>
public sealed class SqlitePaymentJournal : IPaymentJournal, IAsyncDisposable, IDisposable
{
    /// <summary>The component name of the journal's schema in <c>schema_migrations</c>.</summary>
    public const string Component = "payments.journal";

    private const string Columns = "kind, timestamp_utc_ticks, attempt_id, order_id, idempotency_key, channel, charge_kind, currency, amount, amount_due, change, payer_id, state, trigger, abandoned, channel_transaction_id, refund_number, refund_state, raw_code, detail, operation, cause, action";

    // Enough to absorb a lunch peak in one fsync while keeping one transaction short.
    private const int MaxBatch = 256;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    // The connection: held by the writer for a batch and by ReadAllAsync.
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Guards the queue, the writer's running flag and disposal; never held across I/O.
    private readonly Lock _queueLock = new();
    private List<PendingAppend> _queue = [];
    private bool _writing;
    private bool _disposed;
    private Task _writer = Task.CompletedTask;
    private long _transactions;

    private SqlitePaymentJournal(SqliteConnection connection)
    {
        _connection = connection;
        _insert = connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO payment_journal ({Columns}) VALUES ($kind, $ts, $attempt, $order, $key, $channel, $chargeKind, $currency, $amount, $due, $change, $payer, $state, $trigger, $abandoned, $tx, $refund, $refundState, $raw, $detail, $operation, $cause, $action) RETURNING sequence;";
        foreach (var name in new[] { "$kind", "$ts", "$attempt", "$order", "$key", "$channel", "$chargeKind", "$currency", "$amount", "$due", "$change", "$payer", "$state", "$trigger", "$abandoned", "$tx", "$refund", "$refundState", "$raw", "$detail", "$operation", "$cause", "$action" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    /// <summary>Gets the journal's schema (version 2: failure columns).</summary>
    public static SqliteSchema Schema { get; } = new(Component, [
        new SqliteMigration(1, """
            CREATE TABLE payment_journal (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                kind INTEGER NOT NULL,
                timestamp_utc_ticks INTEGER NOT NULL,
                attempt_id TEXT NOT NULL,
                order_id TEXT,
                idempotency_key TEXT,
                channel INTEGER NOT NULL,
                charge_kind INTEGER NOT NULL,
                currency TEXT NOT NULL,
                amount INTEGER NOT NULL,
                amount_due INTEGER NOT NULL,
                change INTEGER NOT NULL,
                payer_id TEXT,
                state INTEGER NOT NULL,
                trigger INTEGER NOT NULL,
                abandoned INTEGER NOT NULL,
                channel_transaction_id TEXT,
                refund_number TEXT,
                refund_state INTEGER NOT NULL,
                raw_code TEXT,
                detail TEXT);
            CREATE INDEX ix_payment_journal_attempt ON payment_journal (attempt_id);
            """),
        new SqliteMigration(2, """
            ALTER TABLE payment_journal ADD COLUMN operation INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE payment_journal ADD COLUMN cause INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE payment_journal ADD COLUMN action INTEGER NOT NULL DEFAULT 0;
            """),
    ]);

    /// <summary>Opens (creating and migrating if needed) the journal in <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The database file.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The journal; dispose it to close the file.</returns>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer SDK.</exception>
    public static async ValueTask<SqlitePaymentJournal> OpenAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteDatabase.OpenAsync(filePath, Schema, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SqlitePaymentJournal(connection);
    }

    // How many transactions (so fsyncs) the writer committed: fewer than appends when batching works.
    internal long CommittedTransactions => Interlocked.Read(ref _transactions);

    /// <inheritdoc/>
    /// <remarks>
    /// Cancellation withdraws the entry only while it is still queued; once the writer has taken it, the call
    /// completes with the entry's fate (durable, or the write's exception), so a cancelled caller is never told
    /// "not written" about an entry that was.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The journal was disposed.</exception>
    public ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(this, entry);
        lock (_queueLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Add(pending);
            if (!_writing)
            {
                _writing = true;
                _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
            }
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(pending, cancellationToken) : new ValueTask<long>(pending.Task);
    }

    private static async ValueTask<long> WaitAsync(PendingAppend pending, CancellationToken cancellationToken)
    {
        using (cancellationToken.UnsafeRegister(static (state, token) => ((PendingAppend)state!).Owner.Withdraw((PendingAppend)state!, token), pending))
        {
            return await pending.Task.ConfigureAwait(false);
        }
    }

    private void Withdraw(PendingAppend pending, CancellationToken cancellationToken)
    {
        lock (_queueLock)
        {
            if (!_queue.Remove(pending))
            {
                // The writer has it: its outcome, not the cancellation, is the answer.
                return;
            }
        }

        pending.TrySetCanceled(cancellationToken);
    }

    // The single writer: drains the queue batch by batch, then stops until the next append starts it again.
    private async Task WriteLoopAsync()
    {
        while (true)
        {
            List<PendingAppend> batch;
            lock (_queueLock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                if (_queue.Count <= MaxBatch)
                {
                    batch = _queue;
                    _queue = [];
                }
                else
                {
                    batch = _queue.GetRange(0, MaxBatch);
                    _queue.RemoveRange(0, MaxBatch);
                }
            }

            await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                Commit(batch);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    // Writes a batch in one transaction and completes its callers after the commit; if the batch fails, each
    // entry is tried alone so only the callers whose entries could not be written see the failure.
    private void Commit(List<PendingAppend> batch)
    {
        long[] sequences;
        try
        {
            sequences = WriteInOneTransaction(batch);
        }
        catch (Exception ex) when (batch.Count == 1)
        {
            batch[0].TrySetException(ex);
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                Commit([pending]);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].TrySetResult(sequences[i]);
        }
    }

    private long[] WriteInOneTransaction(List<PendingAppend> batch)
    {
        var sequences = new long[batch.Count];
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                Bind(batch[i].Entry);
                sequences[i] = (long)_insert.ExecuteScalar()!;
            }

            transaction.Commit();
            Interlocked.Increment(ref _transactions);
            return sequences;
        }
        finally
        {
            _insert.Transaction = null;
        }
    }

    private void Bind(PaymentJournalEntry entry)
    {
        var p = _insert.Parameters;
        p[0].Value = (int)entry.Kind;
        p[1].Value = entry.Timestamp.UtcTicks;
        p[2].Value = entry.AttemptId;
        p[3].Value = (object?)entry.OrderId ?? DBNull.Value;
        p[4].Value = (object?)entry.IdempotencyKey ?? DBNull.Value;
        p[5].Value = (int)entry.Channel;
        p[6].Value = (int)entry.ChargeKind;
        p[7].Value = entry.CurrencyCode;
        p[8].Value = entry.Amount;
        p[9].Value = entry.AmountDue;
        p[10].Value = entry.Change;
        p[11].Value = (object?)entry.PayerId ?? DBNull.Value;
        p[12].Value = (int)entry.State;
        p[13].Value = (int)entry.Trigger;
        p[14].Value = entry.Abandoned ? 1 : 0;
        p[15].Value = (object?)entry.ChannelTransactionId ?? DBNull.Value;
        p[16].Value = (object?)entry.RefundNumber ?? DBNull.Value;
        p[17].Value = (int)entry.RefundState;
        p[18].Value = (object?)entry.RawCode ?? DBNull.Value;
        p[19].Value = (object?)entry.Detail ?? DBNull.Value;
        p[20].Value = (int)entry.Operation;
        p[21].Value = (int)entry.Cause;
        p[22].Value = (int)entry.Action;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT sequence, {Columns} FROM payment_journal ORDER BY sequence;";
            var entries = new List<PaymentJournalEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new PaymentJournalEntry
                {
                    Sequence = reader.GetInt64(0),
                    Kind = (PaymentJournalEntryKind)reader.GetInt32(1),
                    Timestamp = new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                    AttemptId = reader.GetString(3),
                    OrderId = NullableString(reader, 4),
                    IdempotencyKey = NullableString(reader, 5),
                    Channel = (PaymentChannelId)reader.GetInt32(6),
                    ChargeKind = (ChargeKind)reader.GetInt32(7),
                    CurrencyCode = reader.GetString(8),
                    Amount = reader.GetInt64(9),
                    AmountDue = reader.GetInt64(10),
                    Change = reader.GetInt64(11),
                    PayerId = NullableString(reader, 12),
                    State = (PaymentState)reader.GetInt32(13),
                    Trigger = (PaymentTrigger)reader.GetInt32(14),
                    Abandoned = reader.GetInt32(15) != 0,
                    ChannelTransactionId = NullableString(reader, 16),
                    RefundNumber = NullableString(reader, 17),
                    RefundState = (RefundState)reader.GetInt32(18),
                    RawCode = NullableString(reader, 19),
                    Detail = NullableString(reader, 20),
                    Operation = (PaymentOperation)reader.GetInt32(21),
                    Cause = (FailureCause)reader.GetInt32(22),
                    Action = (RecommendedAction)reader.GetInt32(23),
                });
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>Entries already queued are still written before the file is closed.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (StopAccepting() is { } writer)
        {
            await writer.ConfigureAwait(false);
            await _insert.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
            _gate.Dispose();
        }
    }

    /// <inheritdoc/>
    /// <remarks>Entries already queued are still written before the file is closed.</remarks>
    public void Dispose()
    {
        if (StopAccepting() is { } writer)
        {
            writer.GetAwaiter().GetResult();
            _insert.Dispose();
            _connection.Dispose();
            _gate.Dispose();
        }
    }

    // Refuses new appends; returns the writer to wait for, or null if already disposed.
    private Task? StopAccepting()
    {
        lock (_queueLock)
        {
            if (_disposed)
            {
                return null;
            }

            _disposed = true;
            return _writer;
        }
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed class PendingAppend(SqlitePaymentJournal owner, PaymentJournalEntry entry) : TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public SqlitePaymentJournal Owner { get; } = owner;

        public PaymentJournalEntry Entry { get; } = entry;
    }
}
