using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace DemoRestaurant.Ordering;

/// <summary>
/// Demo workaround: the SDK's order pricer does not yet carry a member id into <see cref="PricingContext.MemberId"/>
/// (there is no "attach member" order command). The demo sets the order's member in this ambient scope around every
/// order call, and this decorator copies it into the pricing request, so member prices and the member discount apply
/// the same way on every re-price. Remove when the SDK gains an AttachMember command.
/// </summary>
internal sealed class MemberPricing : IPricingEngine
{
    private static readonly AsyncLocal<string?> CurrentMember = new();
    private readonly IPricingEngine _inner;

    public MemberPricing(IPricingEngine inner) => _inner = inner;

    public MenuCatalog Catalog => _inner.Catalog;

    public static IDisposable Scope(string? memberId)
    {
        var previous = CurrentMember.Value;
        CurrentMember.Value = memberId;
        return new Restore(previous);
    }

    public bool Price(PricingRequest request, PricingResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CurrentMember.Value is { } member && request.Context.MemberId is null)
        {
            request.Context.MemberId = member;
        }

        return _inner.Price(request, result);
    }

    /// <summary>Wraps the <see cref="IPricingEngine"/> that <c>AddPricingEngine</c> registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IPricingEngine));
        services.Remove(registered);
        services.AddSingleton<IPricingEngine>(sp => new MemberPricing((IPricingEngine)registered.ImplementationFactory!(sp)));
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentMember.Value = previous;
    }
}
