namespace Ordering.Sdk.Storage.Sqlite;

// Seams for tests and measurements of the group-commit writer: the number is the batch's size in writes.
internal sealed class GroupCommitHooks
{
    // Runs after every write of a batch executed, before COMMIT; a test holds a commit here to queue writes behind it.
    public Func<int, ValueTask>? BeforeCommit { get; init; }

    // Runs after a batch committed, before its callers are answered.
    public Action<int>? Committed { get; init; }
}
