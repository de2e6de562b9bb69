using Microsoft.Data.Sqlite;

namespace Ordering.Sdk.Storage.Sqlite;

// The commands of one connection, kept and reused by SQL text. Microsoft.Data.Sqlite keeps a statement compiled only
// as long as its command object lives, so a store that creates a command per call parses and plans the same SQL on
// every write; at the lunch peak the single group-commit writer spent its time there rather than in SQLite's writes.
// Not thread-safe: used only by the thread that owns the connection (the writer loop).
internal sealed class SqliteStatementCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    // Returns the command for sql, created on first use with these parameter names, enlisted in the connection's
    // current transaction and bound to these values (in the same order every time).
    public SqliteCommand Get(string sql, SqliteTransaction? transaction, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
