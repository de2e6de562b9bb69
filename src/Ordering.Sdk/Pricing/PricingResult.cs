using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>
/// The outcome of pricing an order, and the reusable workspace the engine prices into: either the priced order
/// (lines, adjustment ledger, promotion evaluations, totals) or the structured errors.
/// </summary>
/// <remarks>
/// Owned by the caller and reused across calls: its buffers grow to the largest order seen and are then
/// reused, which is what makes pricing allocation-free after warm-up. Everything it exposes is valid until the
/// next call that prices into it; use <see cref="ToSnapshot"/> for a copy that outlives it.
/// </remarks>
/// <threadsafety>Not thread-safe: use one instance per thread or per concurrent call.</threadsafety>
public sealed partial class PricingResult
{
    private readonly List<PricingError> _errors = [];
    private PricedLine[] _lines = [];
    private PriceAdjustment[] _adjustments = new PriceAdjustment[16];
    private AdjustmentShare[] _shares = new AdjustmentShare[64];
    private PromotionEvaluation[] _evaluations = new PromotionEvaluation[8];
    private int _lineCount;
    private int _adjustmentCount;
    private int _shareCount;
    private int _evaluationCount;

    /// <summary>Gets a value indicating whether the order was priced; otherwise <see cref="Errors"/> says why.</summary>
    public bool IsSuccess { get; private set; }

    /// <summary>Gets the errors of a failed call; empty on success.</summary>
    public IReadOnlyList<PricingError> Errors => _errors;

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; private set; }

    /// <summary>Gets the instant the order was priced at (store time windows and validity were read at it).</summary>
    public DateTimeOffset PricedAt { get; private set; }

    /// <summary>Gets the priced lines, in request order.</summary>
    public ReadOnlySpan<PricedLine> Lines => IsSuccess ? _lines.AsSpan(0, _lineCount) : default;

    /// <summary>Gets the adjustment ledger, in pipeline order.</summary>
    public ReadOnlySpan<PriceAdjustment> Adjustments => IsSuccess ? _adjustments.AsSpan(0, _adjustmentCount) : default;

    /// <summary>Gets how each promotion and presented coupon fared.</summary>
    public ReadOnlySpan<PromotionEvaluation> Promotions => IsSuccess ? _evaluations.AsSpan(0, _evaluationCount) : default;

    /// <summary>Gets the totals.</summary>
    public PricingTotals Totals { get; private set; }

    internal RoundingRules? RefundRounding { get; private set; }

    /// <summary>Gets the lines an adjustment falls on, with the amount on each; they sum to the adjustment's amount.</summary>
    /// <param name="adjustment">An entry of <see cref="Adjustments"/>.</param>
    /// <returns>The shares.</returns>
    public ReadOnlySpan<AdjustmentShare> GetShares(in PriceAdjustment adjustment) =>
        _shares.AsSpan(adjustment.ShareStart, adjustment.ShareCount);

    internal Span<PricedLine> LineBuffer => _lines.AsSpan(0, _lineCount);

    internal void Reset(Currency currency, int lineCount, DateTimeOffset pricedAt, RoundingRules rounding)
    {
        _errors.Clear();
        IsSuccess = false;
        Currency = currency;
        PricedAt = pricedAt;
        RefundRounding = rounding;
        Totals = default;
        _adjustmentCount = 0;
        _shareCount = 0;
        _evaluationCount = 0;
        _lineCount = lineCount;
        if (_lines.Length < lineCount)
        {
            _lines = new PricedLine[Math.Max(lineCount, _lines.Length * 2)];
        }

        Array.Clear(_lines, 0, lineCount);
        Work.EnsureCapacity(lineCount);
    }

    internal void AddError(PricingErrorCode code, string path, string messageZhCn, string messageEn) =>
        _errors.Add(new PricingError(code, path, messageZhCn, messageEn));

    internal bool HasErrors => _errors.Count > 0;

    // Records an adjustment whose per-line shares are in shares[0..count) (zero shares are skipped).
    internal void AddAdjustment(AdjustmentKind kind, string ruleId, LocalizedText name, long amount, string? reason, string? operatorId, long[] shares, int count)
    {
        var start = _shareCount;
        if (_shares.Length - start < count)
        {
            Array.Resize(ref _shares, Math.Max(_shares.Length * 2, start + count));
        }

        // Locals, not fields, in the loop: the JIT keeps them in registers.
        var buffer = _shares;
        var next = start;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            var share = shares[i];
            if (share != 0)
            {
                buffer[next] = new AdjustmentShare(i, share);
                next = unchecked(next + 1);
            }
        }

        _shareCount = next;
        if (_adjustmentCount == _adjustments.Length)
        {
            Array.Resize(ref _adjustments, _adjustments.Length * 2);
        }

        _adjustments[_adjustmentCount++] = new PriceAdjustment(kind, ruleId, name, amount, reason, operatorId, start, _shareCount - start);
    }

    internal void AddEvaluation(CompiledPromotion promotion, PromotionOutcome outcome, long saving)
    {
        if (_evaluationCount == _evaluations.Length)
        {
            Array.Resize(ref _evaluations, _evaluations.Length * 2);
        }

        _evaluations[_evaluationCount++] = new PromotionEvaluation(promotion.Id, promotion.Name, promotion.IsCoupon, outcome, saving);
    }

    internal void Complete(PricingTotals totals)
    {
        Totals = totals;
        IsSuccess = true;
    }

    internal PricingWorkspace Work { get; } = new();
}
