using System.Buffers;
using System.Net.Sockets;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Printing;

public sealed class VirtualPrinterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Receipt_OverTcp_RoundTrips()
    {
        await using var printer = VirtualPrinter.Start();
        var buffer = new ArrayBufferWriter<byte>();
        ReceiptLayout.Write(new EscPosWriter(buffer, PrinterProfile.ChineseClone80), SampleData.Receipt());
        var expected = Assert.Single(EscPosDecoder.Decode(buffer.WrittenSpan));

        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", printer.Port);
            await client.GetStream().WriteAsync(buffer.WrittenMemory);
        }

        Assert.True(await printer.WaitForDocumentsAsync(1, Timeout));
        var printed = Assert.Single(printer.Documents);
        Assert.Equal(expected.Text, printed.Text);
        Assert.Equal(expected.QrCodes, printed.QrCodes);
        Assert.Equal(0, printer.UnknownCommandBytes);
    }

    [Fact]
    public async Task StatusQuery_AnsweredEvenWhenPaperIsOut()
    {
        await using var printer = VirtualPrinter.Start();
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", printer.Port);
        var stream = client.GetStream();
        await printer.SetConditionsAsync(VirtualPrinterConditions.PaperOut);

        await stream.WriteAsync(new byte[] { 0x10, 0x04, 0x01, 0x10, 0x04, 0x04 });
        var reply = new byte[2];
        await stream.ReadExactlyAsync(reply);
        Assert.Equal(new byte[] { 0x12 | 0x08, 0x12 | 0x60 }, reply);
    }

    [Fact]
    public async Task HeldData_IsPrintedWhenPaperReturns_UnlessCleared()
    {
        await using var printer = VirtualPrinter.Start();
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", printer.Port);
        var stream = client.GetStream();
        await printer.SetConditionsAsync(VirtualPrinterConditions.PaperOut);

        await stream.WriteAsync("A\n"u8.ToArray().Concat(new byte[] { 0x1D, 0x56, 0x42, 0x00 }).ToArray());
        await stream.WriteAsync(new byte[] { 0x10, 0x04, 0x01 });
        var reply = new byte[1];
        await stream.ReadExactlyAsync(reply); // the status reply proves the job bytes arrived first
        Assert.Empty(printer.Documents);

        await printer.SetConditionsAsync(VirtualPrinterConditions.None);
        Assert.Single(printer.Documents);

        await printer.SetConditionsAsync(VirtualPrinterConditions.CoverOpen);
        await stream.WriteAsync("B\n"u8.ToArray().Concat(new byte[] { 0x1D, 0x56, 0x42, 0x00, 0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08 }).ToArray());
        var ack = new byte[3];
        await stream.ReadExactlyAsync(ack);
        Assert.Equal(new byte[] { 0x37, 0x25, 0x00 }, ack);
        await printer.SetConditionsAsync(VirtualPrinterConditions.None);
        Assert.Single(printer.Documents);
    }
}
