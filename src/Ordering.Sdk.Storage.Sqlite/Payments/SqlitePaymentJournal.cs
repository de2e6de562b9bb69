using Microsoft.Data.Sqlite;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>The payment journal in a SQLite file: every append is committed with <c>synchronous=FULL</c> before it returns.</summary>
/// <threadsafety>Safe to use from several threads; appends are serialised on one connection.</threadsafety>
public sealed class SqlitePaymentJournal : IPaymentJournal, IAsyncDisposable, IDisposable
{
    /// <summary>The component name of the journal's schema in <c>schema_migrations</c>.</summary>
    public const string Component = "payments.journal";

    private const string Columns = "kind, timestamp_utc_ticks, attempt_id, order_id, idempotency_key, channel, charge_kind, currency, amount, amount_due, change, payer_id, state, trigger, abandoned, channel_transaction_id, refund_number, refund_state, raw_code, detail, operation, cause, action";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SemaphoreSlim _gate = new(1, 1);

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

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    public async ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
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
            var sequence = await _insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return (long)sequence!;
        }
        finally
        {
            _gate.Release();
        }
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
    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
        _gate.Dispose();
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
