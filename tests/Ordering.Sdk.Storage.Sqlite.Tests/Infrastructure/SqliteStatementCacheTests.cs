using Microsoft.Data.Sqlite;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Infrastructure;

public sealed class SqliteStatementCacheTests
{
    private static readonly SqliteSchema Notes = new("test.notes", [
        new SqliteMigration(1, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);"),
    ]);

    [Fact]
    public async Task Get_SameSql_ReusesOneCommandAndBindsEachCallsValuesInTheTransaction()
    {
        using var temp = new TempDatabase();
        await using var connection = await SqliteDatabase.OpenAsync(temp.FilePath, Notes);
        using var statements = new SqliteStatementCache(connection);
        const string Insert = "INSERT INTO note (id, body) VALUES ($id, $body);";

        SqliteCommand first;
        using (var transaction = connection.BeginTransaction())
        {
            first = statements.Get(Insert, transaction, ("$id", 1L), ("$body", "宫保鸡丁"));
            first.ExecuteNonQuery();
            var second = statements.Get(Insert, transaction, ("$id", 2L), ("$body", null));
            second.ExecuteNonQuery();
            Assert.Same(first, second);
            transaction.Commit();
        }

        // A later transaction gets the same command, enlisted in it (Microsoft.Data.Sqlite refuses a stale one).
        using (var transaction = connection.BeginTransaction())
        {
            var third = statements.Get(Insert, transaction, ("$id", 3L), ("$body", "米饭"));
            Assert.Same(first, third);
            third.ExecuteNonQuery();
            transaction.Commit();
        }

        var rows = new List<string>();
        // The cache owns its commands: callers never dispose them.
        using (var reader = statements.Get("SELECT id, COALESCE(body, '∅') FROM note ORDER BY id;", null).ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(reader.GetInt64(0) + ":" + reader.GetString(1));
            }
        }

        Assert.Equal(["1:宫保鸡丁", "2:∅", "3:米饭"], rows);
    }
}
