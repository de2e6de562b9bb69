using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Storage.Sqlite.Printing;

namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>
/// The durable <see cref="IPrintOutbox"/>: kitchen print jobs in a SQLite file (WAL, <c>synchronous=FULL</c>),
/// one row per (order, station, revision, reprint). A job is on disk before any byte goes to a printer and is
/// never deleted, so a restart loses nothing.
/// </summary>
/// <remarks>
/// A worker claims a job with <see cref="TryClaimAsync"/>: a single conditional <c>UPDATE</c> that succeeds only if
/// the job is still pending at the attempt count the worker read, so two processes sharing the file never print
/// the same round. The claim carries a lease; a job still printing after its lease ran out was interrupted and
/// is flagged for staff by the print queue instead of being re-sent (it may have printed).
/// Writes from concurrent callers are group-committed (one transaction and fsync per batch, a savepoint per write);
/// each call returns after its write committed. Reads use separate connections and never wait for a commit.
/// </remarks>
/// <threadsafety>Thread-safe; several processes may share the file.</threadsafety>
public sealed class SqlitePrintOutbox : IPrintOutbox, IAsyncDisposable, IDisposable
{
    /// <summary>The schema component name recorded in <c>schema_migrations</c>.</summary>
    public const string Component = "devices.print_outbox";

    private const string Columns = "order_id, station_id, revision, reprint, state, created_at_ticks, created_at_offset_minutes, next_attempt_ticks, attempts, printed_on, printed_at_ticks, last_error, lease_until_ticks, ticket_json";

    private const int ReaderConnections = 2;

    private readonly SqliteConnection _writerConnection;
    private readonly SqliteGroupCommitWriter _writer;
    private readonly SqliteReaderPool _readers;
    private int _disposed;

    private SqlitePrintOutbox(string filePath, SqliteConnection writerConnection)
    {
        _writerConnection = writerConnection;
        _writer = new SqliteGroupCommitWriter(writerConnection);
        _readers = new SqliteReaderPool(filePath, ReaderConnections);
    }

    /// <summary>Gets the versioned schema of the print outbox table.</summary>
    public static SqliteSchema Schema { get; } = new(Component, [
        new SqliteMigration(1, """
            CREATE TABLE print_jobs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                order_id TEXT NOT NULL,
                station_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                reprint INTEGER NOT NULL,
                state INTEGER NOT NULL,
                created_at_ticks INTEGER NOT NULL,
                created_at_offset_minutes INTEGER NOT NULL,
                next_attempt_ticks INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                printed_on TEXT,
                printed_at_ticks INTEGER,
                last_error TEXT,
                lease_until_ticks INTEGER,
                ticket_json TEXT NOT NULL,
                UNIQUE (order_id, station_id, revision, reprint));
            CREATE INDEX ix_print_jobs_due ON print_jobs (state, next_attempt_ticks);
            """),
    ]);

    /// <summary>Opens (creating or migrating) the print outbox in a SQLite file, which may also hold the other stores.</summary>
    /// <param name="filePath">The database file.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The outbox; dispose it to close the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is empty.</exception>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer SDK.</exception>
    /// <exception cref="InvalidOperationException">The file refuses WAL or <c>synchronous=FULL</c>.</exception>
    public static async ValueTask<SqlitePrintOutbox> OpenAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteDatabase.OpenAsync(filePath, Schema, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SqlitePrintOutbox(filePath, connection);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    public async ValueTask<bool> TryAddAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        Validate(job);
        var ticket = JsonSerializer.Serialize(job.Ticket, KitchenTicketJsonContext.Default.KitchenTicket);
        return await _writer.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"INSERT INTO print_jobs ({Columns}) VALUES ($order, $station, $revision, $reprint, $state, $created, $offset, $next, $attempts, $printedOn, $printedAt, $error, $lease, $ticket) ON CONFLICT DO NOTHING;";
                Bind(command, job);
                command.Parameters.AddWithValue("$created", job.CreatedAt.UtcTicks);
                command.Parameters.AddWithValue("$offset", (long)job.CreatedAt.Offset.TotalMinutes);
                command.Parameters.AddWithValue("$ticket", ticket);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No job has the key of <paramref name="job"/>.</exception>
    public async ValueTask UpdateAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        Validate(job);
        await _writer.WriteAsync(
            connection =>
            {
                // The ticket and creation time never change after the job is added; only the progress columns do.
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE print_jobs SET state = $state, next_attempt_ticks = $next, attempts = $attempts, printed_on = $printedOn, printed_at_ticks = $printedAt, last_error = $error, lease_until_ticks = $lease WHERE order_id = $order AND station_id = $station AND revision = $revision AND reprint = $reprint;";
                Bind(command, job);
                return command.ExecuteNonQuery() == 1 ? true : throw new KeyNotFoundException($"No print job {job.Key}.");
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<PrintJob?> TryClaimAsync(PrintJobKey key, int expectedAttempts, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        return await _writer.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"UPDATE print_jobs SET state = $printing, attempts = attempts + 1, lease_until_ticks = $lease WHERE order_id = $order AND station_id = $station AND revision = $revision AND reprint = $reprint AND state = $pending AND attempts = $attempts RETURNING {Columns};";
                BindKey(command, key);
                command.Parameters.AddWithValue("$printing", (int)PrintJobState.Printing);
                command.Parameters.AddWithValue("$pending", (int)PrintJobState.Pending);
                command.Parameters.AddWithValue("$attempts", expectedAttempts);
                command.Parameters.AddWithValue("$lease", leaseUntil.UtcTicks);
                var jobs = ReadJobs(command);
                return jobs.Count == 1 ? jobs[0] : null;
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<PrintJob?> FindAsync(PrintJobKey key, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync(
            (connection, _) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM print_jobs WHERE order_id = $order AND station_id = $station AND revision = $revision AND reprint = $reprint;";
                BindKey(command, key);
                var jobs = ReadJobs(command);
                return ValueTask.FromResult(jobs.Count == 1 ? jobs[0] : null);
            },
            cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public ValueTask<IReadOnlyList<PrintJob>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return _readers.ReadAsync<IReadOnlyList<PrintJob>>(
            (connection, _) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM print_jobs WHERE state = $state AND next_attempt_ticks <= $now ORDER BY id LIMIT $max;";
                command.Parameters.AddWithValue("$state", (int)PrintJobState.Pending);
                command.Parameters.AddWithValue("$now", now.UtcTicks);
                command.Parameters.AddWithValue("$max", maxCount);
                return ValueTask.FromResult<IReadOnlyList<PrintJob>>(ReadJobs(command));
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PrintJob>> GetByStateAsync(PrintJobState state, CancellationToken cancellationToken = default) =>
        _readers.ReadAsync<IReadOnlyList<PrintJob>>(
            (connection, _) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM print_jobs WHERE state = $state ORDER BY id;";
                command.Parameters.AddWithValue("$state", (int)state);
                return ValueTask.FromResult<IReadOnlyList<PrintJob>>(ReadJobs(command));
            },
            cancellationToken);

    /// <summary>Closes the file after every queued write was committed and answered.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        await _readers.DisposeAsync().ConfigureAwait(false);
        await _writerConnection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the file after every queued write was committed and answered.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void Validate(PrintJob job)
    {
        if (job.Ticket is null)
        {
            throw new ArgumentException($"Print job {job.Key}: Ticket is required.", nameof(job));
        }

        if (job.Key.OrderId != job.Ticket.OrderId || job.Key.StationId != job.Ticket.StationId || job.Key.Revision != job.Ticket.Revision)
        {
            throw new ArgumentException($"Print job {job.Key}: the key does not match its ticket ({job.Ticket.OrderId}/{job.Ticket.StationId}/r{job.Ticket.Revision}).", nameof(job));
        }

        if (!Enum.IsDefined(job.State))
        {
            throw new ArgumentException($"Print job {job.Key}: State {(int)job.State} is not a defined state.", nameof(job));
        }
    }

    private static void BindKey(SqliteCommand command, PrintJobKey key)
    {
        command.Parameters.AddWithValue("$order", key.OrderId);
        command.Parameters.AddWithValue("$station", key.StationId);
        command.Parameters.AddWithValue("$revision", key.Revision);
        command.Parameters.AddWithValue("$reprint", key.Reprint);
    }

    private static void Bind(SqliteCommand command, PrintJob job)
    {
        BindKey(command, job.Key);
        command.Parameters.AddWithValue("$state", (int)job.State);
        command.Parameters.AddWithValue("$next", job.NextAttemptAt.UtcTicks);
        command.Parameters.AddWithValue("$attempts", job.Attempts);
        command.Parameters.AddWithValue("$printedOn", (object?)job.PrintedOn ?? DBNull.Value);
        command.Parameters.AddWithValue("$printedAt", job.PrintedAt is { } at ? at.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)job.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$lease", job.LeaseUntil is { } lease ? lease.UtcTicks : DBNull.Value);
    }

    private static List<PrintJob> ReadJobs(SqliteCommand command)
    {
        var jobs = new List<PrintJob>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = new PrintJobKey(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
            var ticket = JsonSerializer.Deserialize(reader.GetString(13), KitchenTicketJsonContext.Default.KitchenTicket)
                ?? throw new InvalidDataException($"Print job {key}: the stored ticket is empty.");
            var offset = TimeSpan.FromMinutes(reader.GetInt64(6));
            jobs.Add(new PrintJob(
                key,
                ticket,
                (PrintJobState)reader.GetInt32(4),
                new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero).ToOffset(offset),
                new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
                reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero)));
        }

        return jobs;
    }
}
