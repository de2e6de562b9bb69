using System.Globalization;
using Microsoft.Data.Sqlite;
using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>
/// The embedded, durable <see cref="IOrderStore"/>: order histories, idempotency records, table occupancy,
/// pickup numbers and the outbox in one SQLite file (WAL, <c>synchronous=FULL</c>).
/// </summary>
/// <remarks>
/// Every append is one <c>BEGIN IMMEDIATE</c> transaction that re-checks each stream's version, the request id
/// and the table claims inside the write lock, so concurrent writers, in this process or another, never lose
/// an update: one commits, the others get a conflict. A crash leaves either the whole command or none of it.
/// </remarks>
/// <threadsafety>Thread-safe: calls on one instance are serialized; several processes may share the file.</threadsafety>
public sealed class SqliteOrderStore : IOrderStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema component name recorded in <c>schema_migrations</c>.</summary>
    public const string Component = "orders";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteOrderStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Gets the versioned schema of the order tables.</summary>
    public static SqliteSchema Schema { get; } = new(Component, [
        new SqliteMigration(1, """
            CREATE TABLE order_events (
                order_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                request_id TEXT NOT NULL,
                occurred_at_ticks INTEGER NOT NULL,
                event_json TEXT NOT NULL,
                PRIMARY KEY (order_id, version)) WITHOUT ROWID;
            CREATE TABLE order_requests (
                request_id TEXT PRIMARY KEY NOT NULL,
                order_id TEXT NOT NULL,
                command_type TEXT NOT NULL,
                status INTEGER NOT NULL,
                error_json TEXT,
                from_version INTEGER NOT NULL,
                to_version INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE order_tables (
                table_id TEXT PRIMARY KEY NOT NULL,
                order_id TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE order_numbers (
                business_day TEXT PRIMARY KEY NOT NULL,
                last_number INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE order_outbox (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                order_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                FOREIGN KEY (order_id, version) REFERENCES order_events (order_id, version));
            """),
    ]);

    /// <summary>Opens (creating or migrating) the store in a SQLite file.</summary>
    /// <param name="filePath">The database file.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is empty.</exception>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer SDK.</exception>
    /// <exception cref="InvalidOperationException">The file refuses WAL or <c>synchronous=FULL</c>.</exception>
    public static async ValueTask<SqliteOrderStore> OpenAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteDatabase.OpenAsync(filePath, Schema, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SqliteOrderStore(connection);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<OrderEvent>> LoadAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command("SELECT event_json FROM order_events WHERE order_id = $order ORDER BY version;", ("$order", orderId));
            var events = new List<OrderEvent>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(OrderJson.DeserializeEvent(reader.GetString(0)));
            }

            return events;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IdempotencyRecord?> FindRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command("SELECT order_id, command_type, status, error_json, from_version, to_version FROM order_requests WHERE request_id = $request;", ("$request", requestId));
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new IdempotencyRecord(
                requestId,
                reader.GetString(0),
                reader.GetString(1),
                (OrderCommandStatus)reader.GetInt32(2),
                reader.IsDBNull(3) ? null : OrderJson.DeserializeError(reader.GetString(3)),
                reader.GetInt64(4),
                reader.GetInt64(5));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<string?> FindTableOccupantAsync(string tableId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command("SELECT order_id FROM order_tables WHERE table_id = $table;", ("$table", tableId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> NextOrderNumberAsync(DateOnly businessDay, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command(
                "INSERT INTO order_numbers (business_day, last_number) VALUES ($day, 1) ON CONFLICT(business_day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number;",
                ("$day", businessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<AppendResult> AppendAsync(OrderAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var outcome = await CheckAsync(append, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                transaction.Rollback();
                return outcome;
            }

            await WriteAsync(append, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return AppendResult.Success;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command(
                "SELECT o.sequence, e.event_json FROM order_outbox o JOIN order_events e ON e.order_id = o.order_id AND e.version = o.version ORDER BY o.sequence LIMIT $max;",
                ("$max", max));
            var entries = new List<OutboxEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new OutboxEntry(reader.GetInt64(0), OrderJson.DeserializeEvent(reader.GetString(1))));
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask AcknowledgeOutboxAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = Command("DELETE FROM order_outbox WHERE sequence = $sequence;", ("$sequence", 0L));
            foreach (var sequence in sequences)
            {
                command.Parameters[0].Value = sequence;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private async ValueTask<AppendResult?> CheckAsync(OrderAppend append, CancellationToken cancellationToken)
    {
        using (var request = Command("SELECT 1 FROM order_requests WHERE request_id = $request;", ("$request", append.Request.RequestId)))
        {
            if (await request.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return new AppendResult { DuplicateRequest = true };
            }
        }

        foreach (var stream in append.Streams)
        {
            using var version = Command("SELECT COALESCE(MAX(version), 0) FROM order_events WHERE order_id = $order;", ("$order", stream.OrderId));
            var current = Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (current != stream.ExpectedVersion)
            {
                return new AppendResult { ConflictingOrderId = stream.OrderId };
            }
        }

        foreach (var claim in append.TableClaims)
        {
            using var holder = Command("SELECT order_id FROM order_tables WHERE table_id = $table;", ("$table", claim.TableId));
            var current = await holder.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            var expected = claim.OrderId ?? claim.PreviousOrderId;
            if (current is not null && !string.Equals(current, expected, StringComparison.Ordinal))
            {
                return new AppendResult { OccupiedTableId = claim.TableId };
            }
        }

        return null;
    }

    private async ValueTask WriteAsync(OrderAppend append, CancellationToken cancellationToken)
    {
        using var insert = Command(
            "INSERT INTO order_events (order_id, version, request_id, occurred_at_ticks, event_json) VALUES ($order, $version, $request, $at, $json);",
            ("$order", string.Empty), ("$version", 0L), ("$request", string.Empty), ("$at", 0L), ("$json", string.Empty));
        using var outbox = Command("INSERT INTO order_outbox (order_id, version) VALUES ($order, $version);", ("$order", string.Empty), ("$version", 0L));
        foreach (var stream in append.Streams)
        {
            foreach (var e in stream.Events)
            {
                insert.Parameters[0].Value = e.OrderId;
                insert.Parameters[1].Value = e.Version;
                insert.Parameters[2].Value = e.RequestId;
                insert.Parameters[3].Value = e.OccurredAt.UtcTicks;
                insert.Parameters[4].Value = OrderJson.SerializeEvent(e);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                outbox.Parameters[0].Value = e.OrderId;
                outbox.Parameters[1].Value = e.Version;
                await outbox.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var claim in append.TableClaims.Where(c => c.OrderId is null))
        {
            using var free = Command("DELETE FROM order_tables WHERE table_id = $table;", ("$table", claim.TableId));
            await free.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var claim in append.TableClaims.Where(c => c.OrderId is not null))
        {
            using var take = Command("INSERT INTO order_tables (table_id, order_id) VALUES ($table, $order) ON CONFLICT(table_id) DO UPDATE SET order_id = excluded.order_id;", ("$table", claim.TableId), ("$order", claim.OrderId!));
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var r = append.Request;
        using var record = Command(
            "INSERT INTO order_requests (request_id, order_id, command_type, status, error_json, from_version, to_version) VALUES ($request, $order, $type, $status, $error, $from, $to);",
            ("$request", r.RequestId),
            ("$order", r.OrderId),
            ("$type", r.CommandType),
            ("$status", (int)r.Status),
            ("$error", r.Error is null ? DBNull.Value : OrderJson.SerializeError(r.Error)),
            ("$from", r.FromVersion),
            ("$to", r.ToVersion));
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
