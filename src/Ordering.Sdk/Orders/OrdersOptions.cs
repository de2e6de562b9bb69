namespace Ordering.Sdk.Orders;

/// <summary>Settings of the order service of one store.</summary>
public sealed class OrdersOptions
{
    /// <summary>Gets or sets the store id; orders of different stores never merge.</summary>
    /// <value>The default value is <c>store-1</c>.</value>
    public string StoreId { get; set; } = "store-1";

    /// <summary>Gets the store's table ids (the floor plan); a dine-in order must name one of them.</summary>
    public ISet<string> Tables { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the largest batch one add-items command may carry.</summary>
    /// <value>The default value is 50.</value>
    public int MaxItemsPerBatch { get; set; } = 50;

    /// <summary>Gets or sets the largest quantity of one line.</summary>
    /// <value>The default value is 99.</value>
    public int MaxQuantityPerLine { get; set; } = 99;

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each field and why.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Orders.Validate.Id(StoreId, nameof(StoreId)) is not null)
        {
            errors.Add($"{nameof(StoreId)}: is required, at most {Orders.Validate.MaxIdLength} characters.");
        }

        if (Tables.Any(t => Orders.Validate.Id(t, "table") is not null))
        {
            errors.Add($"{nameof(Tables)}: every table id must be non-empty, at most {Orders.Validate.MaxIdLength} characters, with no control characters.");
        }

        if (MaxItemsPerBatch is < 1 or > 500)
        {
            errors.Add($"{nameof(MaxItemsPerBatch)}: must be between 1 and 500, was {MaxItemsPerBatch}.");
        }

        if (MaxQuantityPerLine is < 1 or > 9999)
        {
            errors.Add($"{nameof(MaxQuantityPerLine)}: must be between 1 and 9999, was {MaxQuantityPerLine}.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(OrdersOptions), errors);
        }
    }
}
