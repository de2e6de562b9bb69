namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>The schema of one component (payment journal, orders, print outbox…) as ordered migrations.</summary>
/// <remarks>Each component keeps its own version in the shared <c>schema_migrations</c> table, so several stores can live in one file.</remarks>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class SqliteSchema
{
    /// <summary>Initializes the schema.</summary>
    /// <param name="component">The component name (letters, digits, '.', '_' or '-').</param>
    /// <param name="migrations">The migrations, versions 1..N in order without gaps.</param>
    /// <exception cref="ArgumentException">The name is empty or the versions are not 1..N in order.</exception>
    public SqliteSchema(string component, IReadOnlyList<SqliteMigration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(migrations);
        if (migrations.Count == 0)
        {
            throw new ArgumentException("migrations: at least one migration is required.", nameof(migrations));
        }

        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i] is null || migrations[i].Version != i + 1 || string.IsNullOrWhiteSpace(migrations[i].Sql))
            {
                throw new ArgumentException($"migrations: entry {i} must have version {i + 1} and non-empty SQL.", nameof(migrations));
            }
        }

        Component = component;
        Migrations = [.. migrations];
    }

    /// <summary>Gets the component name.</summary>
    public string Component { get; }

    /// <summary>Gets the migrations in version order.</summary>
    public IReadOnlyList<SqliteMigration> Migrations { get; }

    /// <summary>Gets the newest version this code supports.</summary>
    public int SupportedVersion => Migrations.Count;
}
