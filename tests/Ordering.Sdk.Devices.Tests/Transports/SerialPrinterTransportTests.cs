using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Devices.Transports;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Transports;

public sealed class SerialPrinterTransportTests
{
    [Theory]
    [InlineData("/dev/ttyS0", true)]
    [InlineData("/dev/ttyUSB0", true)]
    [InlineData("/dev/ttyACM1", true)]
    [InlineData("/dev/tty", false)]
    [InlineData("/dev/usb/lp0", false)]
    public void IsSerialDevice_ByPath(string path, bool expected) => Assert.Equal(expected, SerialPrinterTransport.IsSerialDevice(path));

    [Fact]
    public async Task Connect_MissingDevice_ClearIOException()
    {
        await using var transport = new SerialPrinterTransport("/dev/ttyUSB-none-" + Guid.NewGuid().ToString("N"), TimeProvider.System);
        var ex = await Assert.ThrowsAsync<IOException>(async () => await transport.ConnectAsync(CancellationToken.None));
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAndRead_OverAPseudoTerminal_BytesPassBothWays()
    {
        Assert.True(OperatingSystem.IsLinux(), "the pseudo-terminal fixture needs Linux");
        using var pty = PseudoTerminal.Open();
        await using var transport = new SerialPrinterTransport(pty.SlavePath, TimeProvider.System);
        await transport.ConnectAsync(CancellationToken.None);

        await transport.WriteAsync(new byte[] { 0x10, 0x04, 0x01 }, CancellationToken.None);
        var received = new byte[3];
        await pty.Master.ReadExactlyAsync(received);
        Assert.Equal([0x10, 0x04, 0x01], received);

        var buffer = new byte[8];
        Assert.Equal(0, await transport.ReadAsync(buffer, TimeSpan.FromMilliseconds(100), CancellationToken.None)); // nothing yet
        await pty.Master.WriteAsync(new byte[] { 0x16 });
        await pty.Master.FlushAsync();
        Assert.Equal(1, await transport.ReadAsync(buffer, TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal(0x16, buffer[0]);
    }

    [Fact]
    public async Task PrintQueue_SerialPrinter_PrintsOnlyOnTheCompletionSignal()
    {
        Assert.True(OperatingSystem.IsLinux(), "the pseudo-terminal fixture needs Linux");
        using var pty = PseudoTerminal.Open();
        var options = new PrintQueueOptions { AttemptsPerPrinter = 1, StatusTimeout = TimeSpan.FromSeconds(2), CompletionTimeout = TimeSpan.FromSeconds(5) };
        options.Printers.Add(new PrinterDefinition { Id = "p1", DevicePath = pty.SlavePath, Profile = PrinterProfile.ChineseClone80 });
        options.Stations.Add(new KitchenStation { Id = "hot", PrimaryPrinterId = "p1" });
        await using var queue = new PrintQueue(options, new InMemoryPrintOutbox(), TimeProvider.System, p => new SerialPrinterTransport(p.DevicePath!, TimeProvider.System));
        await queue.EnqueueAsync(SampleData.Ticket("o-1"));

        // The printer on the master side: ready to every DLE EOT, "paper present" to GS r 1 once the job has arrived.
        var captured = new List<byte>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var printer = Task.Run(async () =>
        {
            var buffer = new byte[1024];
            while (!stop.IsCancellationRequested)
            {
                var n = await pty.Master.ReadAsync(buffer, stop.Token);
                lock (captured)
                {
                    captured.AddRange(buffer.AsSpan(0, n));
                }

                for (var i = 0; i < n; i++)
                {
                    if (i + 2 < n && buffer[i] == 0x10 && buffer[i + 1] == 0x04)
                    {
                        await pty.Master.WriteAsync(new byte[] { 0x12 }, stop.Token);
                    }
                    else if (i + 2 < n && buffer[i] == 0x1D && buffer[i + 1] == 0x72 && buffer[i + 2] == 0x01)
                    {
                        await pty.Master.WriteAsync(new byte[] { 0x00 }, stop.Token);
                        return;
                    }
                }

                await pty.Master.FlushAsync(stop.Token);
            }
        });

        Assert.Equal(1, await queue.ProcessDueAsync());
        await printer;
        byte[] bytes;
        lock (captured)
        {
            bytes = [.. captured];
        }

        var document = Assert.Single(EscPosDecoder.Decode(bytes), d => d.IsCut);
        Assert.Contains("Rev 1 / o-1", document.Text, StringComparison.Ordinal);
    }
}
