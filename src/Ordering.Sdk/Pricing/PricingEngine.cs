using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>
/// The pricing engine: an immutable compilation of a menu and a pricing policy that prices orders in the fixed
/// order of the design: 1 unit price (channel → time window → member → manual), 2 modifiers and combo
/// surcharges, 3 item promotions then manual line discounts, 4 order promotions and coupons by best-deal
/// search then a manual order discount, 5 fees, 6 tax, 7 抹零. Every order-level amount is apportioned to lines
/// by largest remainder, so line totals sum to the amount due exactly.
/// </summary>
/// <threadsafety>Thread-safe: one engine serves every thread; each concurrent call needs its own <see cref="PricingResult"/>.</threadsafety>
public sealed class PricingEngine : IPricingEngine
{
    private readonly CompiledPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly TimeZoneInfo _timeZone;
    private readonly int _maxLines;

    private PricingEngine(CompiledPolicy policy, PricingEngineOptions options)
    {
        _policy = policy;
        _timeProvider = options.TimeProvider;
        _timeZone = options.StoreTimeZone;
        _maxLines = options.MaxLines;
    }

    /// <inheritdoc/>
    public MenuCatalog Catalog => _policy.Catalog;

    /// <summary>Gets the policy the engine applies.</summary>
    public PricingPolicy Policy => _policy.Policy;

    /// <summary>Validates the policy against the catalog and builds an engine.</summary>
    /// <param name="catalog">The menu.</param>
    /// <param name="policy">Promotions, coupons, fees, tax and rounding.</param>
    /// <param name="options">Clock, store time zone and limits; defaults when <see langword="null"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The policy or the options are invalid; every problem is listed with its path.</exception>
    public static PricingEngine Create(MenuCatalog catalog, PricingPolicy policy, PricingEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(policy);
        return Create(new CompiledPolicy(catalog, policy), options);
    }

    internal static PricingEngine Create(CompiledPolicy policy, PricingEngineOptions? options)
    {
        options ??= new PricingEngineOptions();
        options.Validate();
        return new PricingEngine(policy, options);
    }

    /// <inheritdoc/>
    public bool Price(PricingRequest request, PricingResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Context);
        ArgumentNullException.ThrowIfNull(result);

        var instant = request.Context.At ?? _timeProvider.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(instant, _timeZone).DateTime;
        var count = request.Lines.Count;
        result.Reset(_policy.Catalog.Currency, count <= _maxLines ? count : 0, instant, _policy.Rounding);
        if (count == 0)
        {
            result.AddError(PricingErrorCode.EmptyOrder, "lines", "订单没有菜品", "The order has no lines.");
            return false;
        }

        if (count > _maxLines)
        {
            result.AddError(PricingErrorCode.TooManyLines, "lines", $"订单最多{_maxLines}行", $"An order has at most {_maxLines} lines.");
            return false;
        }

        if (request.Context.GuestCount < 0)
        {
            result.AddError(PricingErrorCode.InvalidGuestCount, "context.guestCount", "就餐人数不能为负", "The guest count cannot be negative.");
            return false;
        }

        var call = new PricingCall(_policy, request, result, instant, local);
        try
        {
            LineResolver.Run(call);
            if (result.HasErrors)
            {
                return false;
            }

            ItemPromotionStep.Run(call);
            if (!result.HasErrors)
            {
                OrderPromotionStep.Run(call);
            }

            if (result.HasErrors)
            {
                return false;
            }

            FeeStep.Run(call);
            TaxStep.Run(call);
            result.Complete(CashRoundingStep.Run(call));
            return true;
        }
        catch (OverflowException)
        {
            result.AddError(PricingErrorCode.AmountOverflow, "lines", "金额过大，无法精确计算", "The amounts are too large to compute exactly.");
            return false;
        }
    }
}
