namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>One versioned step of a component's schema.</summary>
/// <param name="Version">The version the step brings the schema to: 1, 2, 3… without gaps.</param>
/// <param name="Sql">The statements of the step; they run inside the migration transaction.</param>
public sealed record SqliteMigration(int Version, string Sql);
