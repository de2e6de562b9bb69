using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Infrastructure;

public sealed class SqliteDatabaseTests
{
    private static readonly SqliteSchema Widgets = new("test.widgets", [
        new SqliteMigration(1, "CREATE TABLE widget (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"),
        new SqliteMigration(2, "CREATE TABLE part (id INTEGER PRIMARY KEY, widget_id INTEGER NOT NULL REFERENCES widget(id));"),
    ]);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task OpenAsync_NewFile_UsesWalFullSyncForeignKeysAndBusyTimeout()
    {
        using var temp = new TempDatabase();
        await using var connection = await SqliteDatabase.OpenAsync(temp.FilePath, Widgets, TimeSpan.FromSeconds(3));

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(3000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task OpenAsync_ForeignKeys_AreEnforced()
    {
        using var temp = new TempDatabase();
        await using var connection = await SqliteDatabase.OpenAsync(temp.FilePath, Widgets);

        var error = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(connection, "INSERT INTO part (id, widget_id) VALUES (1, 42);"));
        Assert.Equal(19, error.SqliteErrorCode);
    }

    [Fact]
    public async Task OpenAsync_Twice_AppliesMigrationsOnceAndRecordsTheVersion()
    {
        using var temp = new TempDatabase();
        await using (var first = await SqliteDatabase.OpenAsync(temp.FilePath, Widgets))
        {
            await ScalarAsync(first, "INSERT INTO widget (id, name) VALUES (1, 'kept');");
        }

        await using var second = await SqliteDatabase.OpenAsync(temp.FilePath, Widgets);
        Assert.Equal(2L, await ScalarAsync(second, "SELECT version FROM schema_migrations WHERE component = 'test.widgets';"));
        Assert.Equal("kept", await ScalarAsync(second, "SELECT name FROM widget WHERE id = 1;"));
    }

    [Fact]
    public async Task OpenAsync_OlderSchema_UpgradesOnlyTheMissingSteps()
    {
        using var temp = new TempDatabase();
        var v1 = new SqliteSchema("test.widgets", [Widgets.Migrations[0]]);
        await using (var first = await SqliteDatabase.OpenAsync(temp.FilePath, v1))
        {
            Assert.Equal(0L, await ScalarAsync(first, "SELECT count(*) FROM sqlite_master WHERE name = 'part';"));
        }

        await using var second = await SqliteDatabase.OpenAsync(temp.FilePath, Widgets);
        Assert.Equal(1L, await ScalarAsync(second, "SELECT count(*) FROM sqlite_master WHERE name = 'part';"));
    }

    [Fact]
    public async Task OpenAsync_FailingMigration_RollsBackEverything()
    {
        using var temp = new TempDatabase();
        var broken = new SqliteSchema("test.broken", [new SqliteMigration(1, "CREATE TABLE ok (id INTEGER); CREATE TABLE ok (id INTEGER);")]);

        await Assert.ThrowsAsync<SqliteException>(async () => await SqliteDatabase.OpenAsync(temp.FilePath, broken));

        await using var connection = await SqliteDatabase.OpenAsync(temp.FilePath, Widgets);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'ok';"));
        Assert.Null(await ScalarAsync(connection, "SELECT version FROM schema_migrations WHERE component = 'test.broken';"));
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaInFile_ThrowsNamingFileAndVersions()
    {
        using var temp = new TempDatabase();
        await using (var connection = await SqliteDatabase.OpenAsync(temp.FilePath, Widgets))
        {
            await ScalarAsync(connection, "UPDATE schema_migrations SET version = 7 WHERE component = 'test.widgets';");
        }

        var error = await Assert.ThrowsAsync<SqliteSchemaTooNewException>(async () => await SqliteDatabase.OpenAsync(temp.FilePath, Widgets));

        Assert.Equal(temp.FilePath, error.FilePath);
        Assert.Equal(7, error.FoundVersion);
        Assert.Equal(2, error.SupportedVersion);
        Assert.Contains(temp.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains(7.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteSchema_GapInVersions_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteSchema("x", [new SqliteMigration(1, "SELECT 1;"), new SqliteMigration(3, "SELECT 1;")]));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }
}
