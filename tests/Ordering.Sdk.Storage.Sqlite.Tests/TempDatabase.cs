namespace Ordering.Sdk.Storage.Sqlite.Tests;

// A temp directory holding one database file (plus its -wal / -shm), deleted afterwards.
internal sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ordering-sdk-sqlite-").FullName;

    public string FilePath => Path.Combine(_directory, "store.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
