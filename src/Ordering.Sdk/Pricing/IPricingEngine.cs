using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>Prices orders against a menu and a pricing policy.</summary>
public interface IPricingEngine
{
    /// <summary>Gets the menu the engine prices against.</summary>
    MenuCatalog Catalog { get; }

    /// <summary>
    /// Prices an order into a caller-owned result. Bad input is returned as structured errors in the result,
    /// never thrown. After warm-up the call allocates nothing when the order prices successfully.
    /// </summary>
    /// <param name="request">The order.</param>
    /// <param name="result">The result to fill; its previous content is replaced.</param>
    /// <returns><see langword="true"/> when priced; otherwise <see cref="PricingResult.Errors"/> says why.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its context or <paramref name="result"/> is <see langword="null"/>.</exception>
    bool Price(PricingRequest request, PricingResult result);
}
