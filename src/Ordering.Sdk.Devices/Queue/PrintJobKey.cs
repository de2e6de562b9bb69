namespace Ordering.Sdk.Devices.Queue;

/// <summary>Identifies a print job: a station's ticket for an order at one routing revision, and which copy.</summary>
/// <param name="OrderId">The order's identifier.</param>
/// <param name="StationId">The station's identifier.</param>
/// <param name="Revision">The ticket's routing revision.</param>
/// <param name="Reprint">0 for the original; 1, 2, … for each reprint (重打) requested on demand.</param>
public readonly record struct PrintJobKey(string OrderId, string StationId, int Revision, int Reprint = 0)
{
    /// <inheritdoc/>
    public override string ToString() => $"{OrderId}/{StationId}/r{Revision}" + (Reprint > 0 ? $"/reprint{Reprint}" : string.Empty);
}
