namespace Ordering.Sdk.Kitchen;

/// <summary>Which station cooks which category, and how each station wants its tickets.</summary>
public sealed class KitchenRoutingOptions
{
    /// <summary>Gets the station of each menu category, for example 凉菜 → <c>cold</c>, 饮品 → <c>bar</c>.</summary>
    public IDictionary<string, string> StationByCategory { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the station for categories not listed in <see cref="StationByCategory"/>.</summary>
    /// <value>The default value is <c>hot</c>.</value>
    public string DefaultStationId { get; set; } = "hot";

    /// <summary>
    /// Gets the stations that print 总单 (summary): identical dishes of one ticket are merged into one row with
    /// the total quantity. Every other station prints 分单 (detail): one row per line, with the diner's seat.
    /// </summary>
    public ISet<string> SummaryStations { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">A station or category id is empty or too long.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!IsId(DefaultStationId))
        {
            errors.Add($"{nameof(DefaultStationId)}: is required, at most 64 characters.");
        }

        foreach (var (category, station) in StationByCategory)
        {
            if (!IsId(category) || !IsId(station))
            {
                errors.Add($"{nameof(StationByCategory)}: '{category}' → '{station}' must both be non-empty ids of at most 64 characters.");
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(KitchenRoutingOptions), errors);
        }
    }

    private static bool IsId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= 64;
}
