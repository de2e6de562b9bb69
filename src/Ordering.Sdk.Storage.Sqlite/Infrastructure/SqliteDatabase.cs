using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>Opens SQLite files the way every durable store of the SDK needs them.</summary>
/// <remarks>
/// WAL journal, <c>synchronous=FULL</c> (NORMAL can lose committed payments on power loss), a busy timeout,
/// foreign keys on; each setting is read back after it is set and a file that refuses one is not used.
/// The component's migrations run at open, inside one transaction.
/// </remarks>
public static class SqliteDatabase
{
    /// <summary>The default busy timeout.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Opens (creating if needed) a database file and brings <paramref name="schema"/> up to date.</summary>
    /// <param name="filePath">The database file.</param>
    /// <param name="schema">The component schema to migrate.</param>
    /// <param name="busyTimeout">How long to wait for a lock held by another connection; <see langword="null"/> for <see cref="DefaultBusyTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>An open connection; the caller disposes it.</returns>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is empty or the timeout is not positive.</exception>
    /// <exception cref="SqliteSchemaTooNewException">The file's schema for the component is newer than <paramref name="schema"/>.</exception>
    /// <exception cref="InvalidOperationException">The file refused WAL, synchronous=FULL or foreign keys.</exception>
    public static async ValueTask<SqliteConnection> OpenAsync(string filePath, SqliteSchema schema, TimeSpan? busyTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentNullException.ThrowIfNull(schema);
        var timeout = busyTimeout ?? DefaultBusyTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"busyTimeout: must be positive, was {timeout}.", nameof(busyTimeout));
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureAsync(connection, filePath, timeout, cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, filePath, schema, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // A connection for reads beside a store's writer connection: the file already exists and is in WAL (the writer
    // opened and migrated it), so a reader sees only committed transactions and never waits for the writer.
    // query_only makes a write through it an error instead of a second writer.
    internal static async ValueTask<SqliteConnection> OpenReaderAsync(string filePath, TimeSpan? busyTimeout = null, CancellationToken cancellationToken = default)
    {
        var timeout = busyTimeout ?? DefaultBusyTimeout;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={(long)timeout.TotalMilliseconds}; PRAGMA query_only=ON;"), cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async ValueTask ConfigureAsync(SqliteConnection connection, string filePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var mode = await ScalarAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        Require(string.Equals(Convert.ToString(mode, CultureInfo.InvariantCulture), "wal", StringComparison.OrdinalIgnoreCase), filePath, "journal_mode=WAL", mode);
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL;", cancellationToken).ConfigureAwait(false);
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;", cancellationToken).ConfigureAwait(false);
        Require(Convert.ToInt64(synchronous, CultureInfo.InvariantCulture) == 2, filePath, "synchronous=FULL", synchronous);
        await ExecuteAsync(connection, "PRAGMA foreign_keys=ON;", cancellationToken).ConfigureAwait(false);
        var foreignKeys = await ScalarAsync(connection, "PRAGMA foreign_keys;", cancellationToken).ConfigureAwait(false);
        Require(Convert.ToInt64(foreignKeys, CultureInfo.InvariantCulture) == 1, filePath, "foreign_keys=ON", foreignKeys);
        var milliseconds = (long)timeout.TotalMilliseconds;
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={milliseconds};"), cancellationToken).ConfigureAwait(false);
        var busy = await ScalarAsync(connection, "PRAGMA busy_timeout;", cancellationToken).ConfigureAwait(false);
        Require(Convert.ToInt64(busy, CultureInfo.InvariantCulture) == milliseconds, filePath, "busy_timeout", busy);
    }

    private static async ValueTask MigrateAsync(SqliteConnection connection, string filePath, SqliteSchema schema, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock first, so two processes opening one file migrate one after the other.
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL);", cancellationToken).ConfigureAwait(false);
            int found;
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT version FROM schema_migrations WHERE component = $component;";
                read.Parameters.AddWithValue("$component", schema.Component);
                var value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                found = value is null ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
            }

            if (found > schema.SupportedVersion)
            {
                throw new SqliteSchemaTooNewException(filePath, schema.Component, found, schema.SupportedVersion);
            }

            foreach (var migration in schema.Migrations)
            {
                if (migration.Version > found)
                {
                    await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                }
            }

            if (found < schema.SupportedVersion)
            {
                using var write = connection.CreateCommand();
                write.CommandText = "INSERT INTO schema_migrations (component, version, applied_at) VALUES ($component, $version, datetime('now')) ON CONFLICT(component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at;";
                write.Parameters.AddWithValue("$component", schema.Component);
                write.Parameters.AddWithValue("$version", schema.SupportedVersion);
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, "COMMIT;", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static void Require(bool ok, string filePath, string setting, object? actual)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"The database '{filePath}' refused {setting} (it reports '{actual}'); it cannot hold payments safely.");
        }
    }

    private static async ValueTask ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
