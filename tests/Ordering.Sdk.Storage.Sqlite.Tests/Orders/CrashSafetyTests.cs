using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Orders;

// A child process places and changes orders against one SQLite file and is killed with SIGKILL at a random
// moment, again and again. After every kill the file must pass integrity_check, hold every command the child
// saw acknowledged, and hold no command half-applied. Seeded: a failure names the run and seed to replay.
public sealed class CrashSafetyTests : IDisposable
{
    private const int Kills = 100;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task KilledMidCommand_DatabaseIsIntactAndHoldsExactlyTheAcknowledgedCommands()
    {
        var child = Path.Combine(AppContext.BaseDirectory, "Ordering.Sdk.Storage.Sqlite.CrashChild.dll");
        var random = new Random(20261124);
        var acknowledged = new List<(string Request, string Order, long From, long To, int Run)>();

        for (var run = 0; run < Kills; run++)
        {
            var seed = random.Next();
            var acks = await RunAndKillAsync(child, _db.FilePath, run, seed, TimeSpan.FromMilliseconds(random.Next(5, 120)));
            acknowledged.AddRange(acks.Select(a => (a.Request, a.Order, a.From, a.To, run)));
            await AssertIntactAsync(acknowledged, run, seed);
        }

        Assert.True(acknowledged.Count > Kills, $"the child acknowledged only {acknowledged.Count} commands in {Kills} runs; the test did not exercise the store");
    }

    private static async Task<List<(string Request, string Order, long From, long To)>> RunAndKillAsync(string child, string database, int run, int seed, TimeSpan after)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { child, database, run.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var lines = new List<string>();
        var warm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            // Read all the time, so the child never blocks on a full pipe and every ACK it wrote is seen.
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line.StartsWith("ACK", StringComparison.Ordinal))
                {
                    warm.TrySetResult();
                }
            }

            warm.TrySetResult();
        });

        // Kill only once the child is past start-up and writing, at a random point of its work.
        var started = await Task.WhenAny(warm.Task, Task.Delay(TimeSpan.FromSeconds(60))) == warm.Task;
        if (started)
        {
            await Task.Delay(after);
        }

        process.Kill(entireProcessTree: true);
        await reader;
        if (!started || lines.Count == 0)
        {
            Assert.Fail($"run {run} seed {seed}: the child did not start: {await process.StandardError.ReadToEndAsync()}");
        }

        var acks = new List<(string, string, long, long)>();
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            if (parts is ["ACK", var request, var order, var from, var to])
            {
                acks.Add((request, order, long.Parse(from, CultureInfo.InvariantCulture), long.Parse(to, CultureInfo.InvariantCulture)));
            }
        }

        await process.WaitForExitAsync();
        return acks;
    }

    private async Task AssertIntactAsync(List<(string Request, string Order, long From, long To, int Run)> acknowledged, int run, int seed)
    {
        var replay = $"(run {run}, seed {seed})";
        using (var raw = new SqliteConnection($"Data Source={_db.FilePath};Pooling=False"))
        {
            raw.Open();
            using var check = raw.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", check.ExecuteScalar() as string);

            using var orphans = raw.CreateCommand();
            orphans.CommandText = """
                SELECT (SELECT COUNT(*) FROM order_events e WHERE NOT EXISTS (SELECT 1 FROM order_requests r WHERE r.request_id = e.request_id))
                     + (SELECT COUNT(*) FROM order_requests r WHERE (SELECT COUNT(*) FROM order_events e WHERE e.request_id = r.request_id AND e.version BETWEEN r.from_version AND r.to_version) <> r.to_version - r.from_version + 1 + (SELECT COUNT(*) FROM order_events e2 WHERE e2.request_id = r.request_id AND e2.order_id <> r.order_id))
                     + (SELECT COUNT(*) FROM (SELECT order_id, MAX(version) AS v, COUNT(*) AS c FROM order_events GROUP BY order_id) WHERE v <> c);
                """;
            Assert.True(Convert.ToInt64(orphans.ExecuteScalar(), CultureInfo.InvariantCulture) == 0, $"half-applied commands or gaps in a history {replay}");
        }

        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath);
        foreach (var ack in acknowledged.Where(a => a.Run == run))
        {
            var record = await store.FindRequestAsync(ack.Request);
            Assert.True(record is not null, $"acknowledged request {ack.Request} is missing {replay}");
            Assert.Equal((ack.From, ack.To), (record.FromVersion, record.ToVersion));
            var history = await store.LoadAsync(ack.Order);
            Assert.All(history.Where(e => e.Version >= ack.From && e.Version <= ack.To), e => Assert.Equal(ack.Request, e.RequestId));
            Assert.True(history.Count >= ack.To, $"acknowledged events of {ack.Request} are missing {replay}");
        }
    }
}
