namespace Ordering.Sdk.Pricing;

/// <summary>An order to price: its lines and its context.</summary>
/// <remarks>Reusable across calls; the engine never keeps a reference to it.</remarks>
public sealed class PricingRequest
{
    /// <summary>Gets the lines, in order; errors and results refer to them by index.</summary>
    public IList<OrderLineRequest> Lines { get; } = new List<OrderLineRequest>();

    /// <summary>Gets or sets the context.</summary>
    public PricingContext Context { get; set; } = new();
}
