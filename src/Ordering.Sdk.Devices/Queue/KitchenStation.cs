namespace Ordering.Sdk.Devices.Queue;

/// <summary>A kitchen station and the printers its tickets go to.</summary>
public sealed class KitchenStation
{
    /// <summary>Gets or sets the station identifier used by kitchen tickets (<c>KitchenTicket.StationId</c>).</summary>
    /// <value>The default value is empty (invalid).</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the name printed on tickets, for example <c>热菜</c>.</summary>
    /// <value>The default value is <see langword="null"/>, meaning <see cref="Id"/>.</value>
    public string? DisplayName { get; set; }

    /// <summary>Gets or sets the printer tickets normally go to.</summary>
    /// <value>The default value is empty (invalid).</value>
    public string PrimaryPrinterId { get; set; } = string.Empty;

    /// <summary>Gets or sets the printer tickets fail over to (备份打印机), marked "BACKUP FROM" the primary.</summary>
    /// <value>The default value is <see langword="null"/> (no failover).</value>
    public string? BackupPrinterId { get; set; }

    internal string Name => DisplayName ?? Id;
}
