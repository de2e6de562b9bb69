using Ordering.Sdk.Devices.EscPos;

namespace Ordering.Sdk.Devices.Queue;

/// <summary>One physical printer the print queue can use: how to reach it and what it can do.</summary>
/// <remarks>Set exactly one of <see cref="Host"/> (raw TCP) or <see cref="DevicePath"/> (for example <c>/dev/usb/lp0</c>).</remarks>
public sealed class PrinterDefinition
{
    /// <summary>Gets or sets the printer's identifier, referenced by <see cref="KitchenStation"/>.</summary>
    /// <value>The default value is empty (invalid).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the name printed in the "BACKUP FROM …" header and shown in alerts, for example <c>热菜1号</c>.</summary>
    /// <value>The default value is <see langword="null"/>, meaning <see cref="Id"/>.</value>
    public string? DisplayName { get; set; }

    /// <summary>Gets or sets the host name or IP address of a network printer.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Host { get; set; }

    /// <summary>Gets or sets the raw TCP port.</summary>
    /// <value>The default value is 9100.</value>
    public int Port { get; set; } = 9100;

    /// <summary>
    /// Gets or sets the device file of a USB printer (for example <c>/dev/usb/lp0</c>) or of a serial printer
    /// (<c>/dev/ttyS0</c>, <c>/dev/ttyUSB0</c>, <c>/dev/ttyACM0</c>). A serial line must already be configured by
    /// the host — baud rate, parity, flow control, raw mode — since the SDK does not change line settings.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DevicePath { get; set; }

    /// <summary>Gets or sets the printer family.</summary>
    /// <value>The default value is <see cref="PrinterProfile.ChineseClone80"/>.</value>
    public PrinterProfile Profile { get; set; } = PrinterProfile.ChineseClone80;

    /// <summary>Gets or sets a value indicating whether to close the connection after every job, which lets other terminals use printers that accept one connection at a time.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DisconnectAfterJob { get; set; } = true;

    internal string Name => DisplayName ?? Id;
}
