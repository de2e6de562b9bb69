using Ordering.Sdk.Devices.Queue;
using static Ordering.Sdk.Devices.Tests.Queue.PrintQueueFixture;

namespace Ordering.Sdk.Devices.Tests.Queue;

public sealed class PrintQueueKitchenSinkTests
{
    [Fact]
    public async Task AsKitchenSink_TicketDeliveredTwice_IsOneJobPrintedOnce()
    {
        await using var f = Start();
        var sink = f.Queue.AsKitchenSink();

        await sink.DeliverAsync(SampleData.Ticket("o-7"), CancellationToken.None);
        await sink.DeliverAsync(SampleData.Ticket("o-7"), CancellationToken.None);
        var printed = await f.Queue.ProcessDueAsync();

        Assert.Equal(1, printed);
        Assert.Equal(1, CutCount(f.Primary, "o-7"));
        Assert.Equal(PrintJobState.Printed, (await f.Outbox.FindAsync(new PrintJobKey("o-7", "hot", 1)))!.State);
    }

    [Fact]
    public void AsKitchenSink_NullQueue_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => PrintQueueKitchenSink.AsKitchenSink(null!));
    }
}
