using System.Globalization;
using Microsoft.Data.Sqlite;
using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>
/// The embedded, durable <see cref="IOrderStore"/>: order histories, idempotency records, table occupancy,
/// pickup numbers and the outbox in one SQLite file (WAL, <c>synchronous=FULL</c>).
/// </summary>
/// <remarks>
/// <para>
/// Writes from concurrent callers are group-committed: one writer takes every append queued while the previous
/// transaction was committing and writes them in one <c>BEGIN IMMEDIATE</c> transaction, one fsync for the
/// batch, each append inside its own savepoint. Each append re-checks its streams' versions, its request id and
/// its table claims inside the write lock, after the appends before it in the batch, so concurrent writers, in
/// this process or another, never lose an update: one commits, the others get a conflict. An append that is
/// refused or fails is rolled back to its savepoint and answers alone; the others of its batch still commit.
/// A call returns only after the transaction holding its append committed, and a crash leaves either the whole
/// command or none of it.
/// </para>
/// <para>Reads use separate connections: they see the last committed state and never wait for a commit.</para>
/// </remarks>
/// <threadsafety>Thread-safe; concurrent appends on different orders share commits. Several processes may share the file.</threadsafety>
public sealed class SqliteOrderStore : IOrderStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema component name recorded in <c>schema_migrations</c>.</summary>
    public const string Component = "orders";

    // Reads are short statements; a few connections keep concurrent diners from queueing behind one another.
    private const int ReaderConnections = 4;

    private readonly SqliteConnection _writerConnection;
    private readonly SqliteGroupCommitWriter _writer;
    private readonly SqliteStatementCache _statements;
    private readonly SqliteReaderPool _readers;
    private int _disposed;

    private SqliteOrderStore(string filePath, SqliteConnection writerConnection, int maxBatchSize, GroupCommitHooks? hooks)
    {
        _writerConnection = writerConnection;
        _writer = new SqliteGroupCommitWriter(writerConnection, maxBatchSize, hooks);
        _statements = new SqliteStatementCache(writerConnection);
        _readers = new SqliteReaderPool(filePath, ReaderConnections);
    }

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
    public static ValueTask<SqliteOrderStore> OpenAsync(string filePath, CancellationToken cancellationToken = default) =>
        OpenAsync(filePath, SqliteGroupCommitWriter.DefaultMaxBatchSize, hooks: null, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OrderEvent>> LoadAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return _readers.ReadAsync<IReadOnlyList<OrderEvent>>(
            async (connection, ct) =>
            {
                using var command = Command(connection, "SELECT event_json FROM order_events WHERE order_id = $order ORDER BY version;", ("$order", orderId));
                var events = new List<OrderEvent>();
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    events.Add(OrderJson.DeserializeEvent(reader.GetString(0)));
                }

                return events;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IdempotencyRecord?> FindRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return _readers.ReadAsync<IdempotencyRecord?>(
            async (connection, ct) =>
            {
                using var command = Command(connection, "SELECT order_id, command_type, status, error_json, from_version, to_version FROM order_requests WHERE request_id = $request;", ("$request", requestId));
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
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
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<string?> FindTableOccupantAsync(string tableId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableId);
        return _readers.ReadAsync(
            async (connection, ct) =>
            {
                using var command = Command(connection, "SELECT order_id FROM order_tables WHERE table_id = $table;", ("$table", tableId));
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<int> NextOrderNumberAsync(DateOnly businessDay, CancellationToken cancellationToken = default)
    {
        var day = businessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await _writer.WriteAsync(
            connection =>
            {
                var command = Writing(
                    "INSERT INTO order_numbers (business_day, last_number) VALUES ($day, 1) ON CONFLICT(business_day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number;",
                    ("$day", day));
                return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<AppendResult> AppendAsync(OrderAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);

        // Serialized here, on the caller's thread, so the single writer spends its time on SQLite only.
        var rows = PreparedAppend.From(append);
        return await _writer.WriteAsync(_ => Append(rows), static result => result.Succeeded, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return _readers.ReadAsync<IReadOnlyList<OutboxEntry>>(
            async (connection, ct) =>
            {
                using var command = Command(
                    connection,
                    "SELECT o.sequence, e.event_json FROM order_outbox o JOIN order_events e ON e.order_id = o.order_id AND e.version = o.version ORDER BY o.sequence LIMIT $max;",
                    ("$max", max));
                var entries = new List<OutboxEntry>();
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    entries.Add(new OutboxEntry(reader.GetInt64(0), OrderJson.DeserializeEvent(reader.GetString(1))));
                }

                return entries;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask AcknowledgeOutboxAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var copy = sequences.ToArray();
        await _writer.WriteAsync(
            _ =>
            {
                foreach (var sequence in copy)
                {
                    Writing("DELETE FROM order_outbox WHERE sequence = $sequence;", ("$sequence", sequence)).ExecuteNonQuery();
                }

                return copy.Length;
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the file after every queued write was committed and answered.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        _statements.Dispose();
        await _readers.DisposeAsync().ConfigureAwait(false);
        await _writerConnection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the file after every queued write was committed and answered.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Opens the store with a chosen batch limit and test hooks on the group-commit writer.
    internal static async ValueTask<SqliteOrderStore> OpenAsync(string filePath, int maxBatchSize, GroupCommitHooks? hooks, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteDatabase.OpenAsync(filePath, Schema, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SqliteOrderStore(filePath, connection, maxBatchSize, hooks);
    }

    private AppendResult Append(PreparedAppend append) =>
        Check(append.Source) ?? Write(append);

    private AppendResult? Check(OrderAppend append)
    {
        if (Writing("SELECT 1 FROM order_requests WHERE request_id = $request;", ("$request", append.Request.RequestId)).ExecuteScalar() is not null)
        {
            return new AppendResult { DuplicateRequest = true };
        }

        foreach (var stream in append.Streams)
        {
            var version = Writing("SELECT COALESCE(MAX(version), 0) FROM order_events WHERE order_id = $order;", ("$order", stream.OrderId));
            var current = Convert.ToInt64(version.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (current != stream.ExpectedVersion)
            {
                return new AppendResult { ConflictingOrderId = stream.OrderId };
            }
        }

        foreach (var claim in append.TableClaims)
        {
            var current = Writing("SELECT order_id FROM order_tables WHERE table_id = $table;", ("$table", claim.TableId)).ExecuteScalar() as string;
            var expected = claim.OrderId ?? claim.PreviousOrderId;
            if (current is not null && !string.Equals(current, expected, StringComparison.Ordinal))
            {
                return new AppendResult { OccupiedTableId = claim.TableId };
            }
        }

        return null;
    }

    private AppendResult Write(PreparedAppend append)
    {
        foreach (var e in append.Events)
        {
            Writing(
                "INSERT INTO order_events (order_id, version, request_id, occurred_at_ticks, event_json) VALUES ($order, $version, $request, $at, $json);",
                ("$order", e.OrderId),
                ("$version", e.Version),
                ("$request", e.RequestId),
                ("$at", e.OccurredAtTicks),
                ("$json", e.Json)).ExecuteNonQuery();
            Writing("INSERT INTO order_outbox (order_id, version) VALUES ($order, $version);", ("$order", e.OrderId), ("$version", e.Version)).ExecuteNonQuery();
        }

        foreach (var claim in append.Source.TableClaims)
        {
            if (claim.OrderId is null)
            {
                Writing("DELETE FROM order_tables WHERE table_id = $table;", ("$table", claim.TableId)).ExecuteNonQuery();
            }
        }

        foreach (var claim in append.Source.TableClaims)
        {
            if (claim.OrderId is not null)
            {
                Writing(
                    "INSERT INTO order_tables (table_id, order_id) VALUES ($table, $order) ON CONFLICT(table_id) DO UPDATE SET order_id = excluded.order_id;",
                    ("$table", claim.TableId),
                    ("$order", claim.OrderId)).ExecuteNonQuery();
            }
        }

        var r = append.Source.Request;
        Writing(
            "INSERT INTO order_requests (request_id, order_id, command_type, status, error_json, from_version, to_version) VALUES ($request, $order, $type, $status, $error, $from, $to);",
            ("$request", r.RequestId),
            ("$order", r.OrderId),
            ("$type", r.CommandType),
            ("$status", (int)r.Status),
            ("$error", append.ErrorJson),
            ("$from", r.FromVersion),
            ("$to", r.ToVersion)).ExecuteNonQuery();
        return AppendResult.Success;
    }

    // A kept, compiled command on the writer connection, in the batch's transaction; only from inside a write.
    private SqliteCommand Writing(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        _statements.Get(sql, _writer.Transaction, parameters);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
