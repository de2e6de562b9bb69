using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Printing;

public sealed class SqlitePrintOutboxTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 3, 0, TimeSpan.FromHours(8));

    internal static KitchenTicket Ticket(string orderId, int revision = 1) => new(
        orderId,
        "0012",
        "hot",
        revision,
        KitchenTicketKind.AddOn,
        [
            new KitchenTicketItem("宫保鸡丁", 2, ["微辣", "去花生"]) { Note = "快一点", Seat = "3" },
            new KitchenTicketItem("水煮牛肉", 1) { Course = "热菜" },
        ],
        Noon)
    {
        Table = "A12",
        GuestCount = 4,
        Round = 2,
        Note = "一起上",
    };

    [Fact]
    public async Task TryAdd_EveryField_RoundTripsAfterReopen()
    {
        using var temp = new TempDatabase();
        var key = new PrintJobKey("o-1", "hot", 1, Reprint: 2);
        var job = new PrintJob(key, Ticket("o-1").AsReprint(), PrintJobState.Pending, Noon, Noon.AddSeconds(5), 3, "p2", Noon.AddSeconds(9), "纸用完了", Noon.AddMinutes(10));
        await using (var outbox = await SqlitePrintOutbox.OpenAsync(temp.FilePath))
        {
            Assert.True(await outbox.TryAddAsync(job));
            Assert.False(await outbox.TryAddAsync(job with { Attempts = 7 })); // same key: ignored, nothing changed
        }

        await using var reopened = await SqlitePrintOutbox.OpenAsync(temp.FilePath);
        var found = (await reopened.FindAsync(key))!;
        Assert.Equal(key, found.Key);
        Assert.Equal(job.State, found.State);
        Assert.Equal(job.CreatedAt, found.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(8), found.CreatedAt.Offset);
        Assert.Equal(job.NextAttemptAt, found.NextAttemptAt);
        Assert.Equal(3, found.Attempts);
        Assert.Equal("p2", found.PrintedOn);
        Assert.Equal(job.PrintedAt, found.PrintedAt);
        Assert.Equal("纸用完了", found.LastError);
        Assert.Equal(job.LeaseUntil, found.LeaseUntil);

        var t = found.Ticket;
        Assert.Equal(("o-1", "0012", "hot", 1, KitchenTicketKind.AddOn, Noon), (t.OrderId, t.OrderNumber, t.StationId, t.Revision, t.Kind, t.CreatedAt));
        Assert.Equal(("A12", (int?)4, 2, "一起上", true), (t.Table, t.GuestCount, t.Round, t.Note, t.IsReprint));
        Assert.Equal(2, t.Items.Count);
        Assert.Equal(("宫保鸡丁", 2, "快一点", "3", (string?)null), (t.Items[0].Name, t.Items[0].Quantity, t.Items[0].Note, t.Items[0].Seat, t.Items[0].Course));
        Assert.Equal(["微辣", "去花生"], t.Items[0].Modifiers);
        Assert.Equal(("水煮牛肉", 1, "热菜"), (t.Items[1].Name, t.Items[1].Quantity, t.Items[1].Course));
        Assert.Empty(t.Items[1].Modifiers);
        Assert.Null(await reopened.FindAsync(key with { Reprint = 0 }));
    }

    [Fact]
    public async Task TryClaim_TwoProcessesOnOneFile_OnlyOneClaimsEachRound()
    {
        using var temp = new TempDatabase();
        await using var a = await SqlitePrintOutbox.OpenAsync(temp.FilePath);
        await using var b = await SqlitePrintOutbox.OpenAsync(temp.FilePath);
        var key = new PrintJobKey("o-1", "hot", 1);
        await a.TryAddAsync(new PrintJob(key, Ticket("o-1"), PrintJobState.Pending, Noon, Noon));

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).TryClaimAsync(key, 0, Noon.AddMinutes(10)).AsTask()));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Equal(PrintJobState.Printing, winner.State);
        Assert.Equal(1, winner.Attempts);
        Assert.Equal(Noon.AddMinutes(10), winner.LeaseUntil);
        Assert.Equal(winner, await b.FindAsync(key) is { } seen ? seen with { Ticket = winner.Ticket } : null);
        Assert.Empty(await a.GetDueAsync(Noon.AddDays(1), 10)); // a claimed job is not due

        // Back to pending for the next round: claimable again only at the new attempt count.
        await b.UpdateAsync(winner with { State = PrintJobState.Pending, LeaseUntil = null });
        Assert.Null(await a.TryClaimAsync(key, 0, Noon.AddMinutes(10)));
        Assert.NotNull(await a.TryClaimAsync(key, 1, Noon.AddMinutes(10)));
    }

    [Fact]
    public async Task GetDue_OnlyPendingAndDue_OldestFirst_AndByState()
    {
        using var temp = new TempDatabase();
        await using var outbox = await SqlitePrintOutbox.OpenAsync(temp.FilePath);
        await outbox.TryAddAsync(new PrintJob(new("o-3", "hot", 1), Ticket("o-3"), PrintJobState.Pending, Noon, Noon));
        await outbox.TryAddAsync(new PrintJob(new("o-1", "hot", 1), Ticket("o-1"), PrintJobState.Pending, Noon, Noon.AddMinutes(1)));
        await outbox.TryAddAsync(new PrintJob(new("o-2", "hot", 1), Ticket("o-2"), PrintJobState.Printed, Noon, Noon));
        await outbox.TryAddAsync(new PrintJob(new("o-4", "hot", 1), Ticket("o-4"), PrintJobState.Pending, Noon, Noon));

        Assert.Equal(["o-3", "o-4"], (await outbox.GetDueAsync(Noon, 10)).Select(j => j.Key.OrderId));
        Assert.Equal(["o-3"], (await outbox.GetDueAsync(Noon, 1)).Select(j => j.Key.OrderId));
        Assert.Equal(["o-3", "o-1", "o-4"], (await outbox.GetDueAsync(Noon.AddMinutes(1), 10)).Select(j => j.Key.OrderId));
        Assert.Equal(["o-2"], (await outbox.GetByStateAsync(PrintJobState.Printed)).Select(j => j.Key.OrderId));
    }

    [Fact]
    public async Task UpdateOrAdd_BadInput_ClearErrorAndNothingWritten()
    {
        using var temp = new TempDatabase();
        await using var outbox = await SqlitePrintOutbox.OpenAsync(temp.FilePath);
        var missing = new PrintJob(new("o-9", "hot", 1), Ticket("o-9"), PrintJobState.Pending, Noon, Noon);
        var notFound = await Assert.ThrowsAsync<KeyNotFoundException>(async () => await outbox.UpdateAsync(missing));
        Assert.Contains("o-9/hot/r1", notFound.Message, StringComparison.Ordinal);

        var mismatched = missing with { Key = new("o-8", "hot", 1) };
        var bad = await Assert.ThrowsAsync<ArgumentException>(async () => await outbox.TryAddAsync(mismatched));
        Assert.Contains("does not match its ticket", bad.Message, StringComparison.Ordinal);
        Assert.Empty(await outbox.GetByStateAsync(PrintJobState.Pending));
    }
}
