using FsCheck.Xunit;
using Ordering.Sdk.Devices.Status;

namespace Ordering.Sdk.Devices.Tests.Status;

public sealed class PrinterStatusTests
{
    [Fact]
    public void FromRealTimeReplies_Ready() => Assert.True(PrinterStatus.FromRealTimeReplies(0x12, 0x12, 0x12, 0x12).IsReady);

    [Fact]
    public void FromRealTimeReplies_PaperEnd_IsOfflineAndNotReady()
    {
        var status = PrinterStatus.FromRealTimeReplies(0x1A, 0x32, 0x12, 0x72);
        Assert.Equal(PrinterConditions.Offline | PrinterConditions.PaperEnd, status.Conditions);
        Assert.False(status.IsReady);
    }

    [Fact]
    public void FromRealTimeReplies_CoverOpenNearEndAndDrawer()
    {
        var status = PrinterStatus.FromRealTimeReplies(0x1E, 0x16, 0x12, 0x1E);
        Assert.Equal(PrinterConditions.Offline | PrinterConditions.DrawerSignal | PrinterConditions.CoverOpen | PrinterConditions.PaperNearEnd, status.Conditions);
    }

    [Fact]
    public void FromRealTimeReplies_ByteNotMatchingTheReplyPattern_Throws() =>
        Assert.Throws<ArgumentException>(() => PrinterStatus.FromRealTimeReplies(0x10, 0x12, 0x12, 0x12));

    [Fact]
    public void FromAutomaticStatusBack_DecodesCoverPaperAndError()
    {
        var status = PrinterStatus.FromAutomaticStatusBack([0x38, 0x08, 0x0C, 0x00]);
        Assert.Equal(PrinterConditions.Offline | PrinterConditions.CoverOpen | PrinterConditions.Error | PrinterConditions.PaperEnd, status.Conditions);
    }

    [Fact]
    public void ResponseReader_SplitsMixedReplies()
    {
        var reader = new PrinterResponseReader();
        reader.Append([0x12, 0x10, 0x00, 0x00, 0x00, 0x37, 0x22, 0x41, 0x42, 0x43, 0x44, 0x00, 0x03, 0x37, 0x25, 0x00]);
        var kinds = new List<PrinterResponseKind>();
        while (reader.TryRead(out var response))
        {
            kinds.Add(response.Kind);
            if (response.Kind == PrinterResponseKind.ProcessId)
            {
                Assert.Equal(BitConverter.ToUInt32("ABCD"u8), response.ProcessId);
            }
        }

        Assert.Equal([PrinterResponseKind.RealTimeStatus, PrinterResponseKind.AutomaticStatus, PrinterResponseKind.ProcessId, PrinterResponseKind.PaperSensor, PrinterResponseKind.BufferCleared], kinds);
    }

    [Property(MaxTest = 200)]
    public void ResponseReader_AnyBytes_NeverThrowsAndMakesProgress(byte[] bytes)
    {
        var reader = new PrinterResponseReader();
        reader.Append(bytes ?? []);
        var count = 0;
        while (reader.TryRead(out _))
        {
            count++;
            Assert.True(count <= (bytes?.Length ?? 0));
        }
    }
}
