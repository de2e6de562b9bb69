namespace Ordering.Sdk.Orders;

/// <summary>
/// Splits the bill into parts paid separately: by items (each part pays its lines' priced shares), by stated
/// amounts, or evenly in N parts. Parts always sum exactly to the amount due, to the fen.
/// </summary>
public sealed record SplitBill : OrderCommand
{
    /// <summary>Gets how to split.</summary>
    public required SplitMode Mode { get; init; }

    /// <summary>Gets, for <see cref="SplitMode.ByItems"/>, the line ids of each part; every active line in exactly one part.</summary>
    public IReadOnlyList<IReadOnlyList<string>> LinesPerPart { get; init; } = [];

    /// <summary>Gets, for <see cref="SplitMode.ByAmount"/>, the amount of each part in minor units; they must sum to the amount due.</summary>
    public IReadOnlyList<long> AmountsPerPart { get; init; } = [];

    /// <summary>Gets, for <see cref="SplitMode.Evenly"/>, the number of parts, 2 to 99.</summary>
    public int Parts { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        if (Validate.Open(state) is { } error)
        {
            return error;
        }

        if (state.Lines.Any(l => l.IsActive && l.State == OrderLineState.InCart))
        {
            return OrderErrors.NothingToSettle();
        }

        var due = context.CurrentPricing.AmountDue;
        var result = Mode switch
        {
            SplitMode.ByItems => ByItems(state, context.CurrentPricing),
            SplitMode.ByAmount => ByAmount(due),
            _ => Evenly(due),
        };
        return result.Error is { } refusal ? refusal : Decision.Accept(new BillSplit { Mode = Mode, Parts = result.Parts! });
    }

    private (IReadOnlyList<BillPart>? Parts, OrderError? Error) ByItems(OrderState state, OrderPricing pricing)
    {
        if (LinesPerPart.Count is < 2 or > 99)
        {
            return (null, OrderErrors.OutOfRange("linesPerPart", LinesPerPart.Count, 2, 99));
        }

        var active = state.Lines.Where(l => l.IsActive).Select(l => l.LineId).ToHashSet(StringComparer.Ordinal);
        var assigned = LinesPerPart.SelectMany(p => p).ToList();
        var unassigned = active.FirstOrDefault(id => assigned.Count(a => string.Equals(a, id, StringComparison.Ordinal)) != 1)
            ?? assigned.FirstOrDefault(id => !active.Contains(id));
        if (unassigned is not null)
        {
            return (null, OrderErrors.SplitLineUnassigned(unassigned));
        }

        var parts = new BillPart[LinesPerPart.Count];
        var covered = Money.Zero(pricing.AmountDue.Currency);
        for (var i = 0; i < parts.Length; i++)
        {
            var amount = Money.Zero(pricing.AmountDue.Currency);
            foreach (var lineId in LinesPerPart[i])
            {
                amount += pricing.LineAmounts.TryGetValue(lineId, out var share) ? share : Money.Zero(amount.Currency);
            }

            parts[i] = new BillPart(i + 1, amount, LinesPerPart[i].ToArray());
            covered += amount;
        }

        return covered == pricing.AmountDue ? (parts, null) : (null, OrderErrors.SplitDoesNotCover(pricing.AmountDue, covered));
    }

    private (IReadOnlyList<BillPart>? Parts, OrderError? Error) ByAmount(Money due)
    {
        if (AmountsPerPart.Count is < 2 or > 99)
        {
            return (null, OrderErrors.OutOfRange("amountsPerPart", AmountsPerPart.Count, 2, 99));
        }

        var covered = Money.Zero(due.Currency);
        var parts = new BillPart[AmountsPerPart.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (AmountsPerPart[i] <= 0)
            {
                return (null, OrderErrors.OutOfRange($"amountsPerPart[{i}]", AmountsPerPart[i], 1, due.MinorUnits));
            }

            parts[i] = new BillPart(i + 1, new Money(AmountsPerPart[i], due.Currency), []);
            covered += parts[i].Amount;
        }

        return covered == due ? (parts, null) : (null, OrderErrors.SplitDoesNotCover(due, covered));
    }

    private (IReadOnlyList<BillPart>? Parts, OrderError? Error) Evenly(Money due)
    {
        if (Parts is < 2 or > 99)
        {
            return (null, OrderErrors.OutOfRange("parts", Parts, 2, 99));
        }

        // Equal shares; the leftover fen go one each to the first parts, so the parts differ by at most one fen.
        var share = due.MinorUnits / Parts;
        var leftover = due.MinorUnits % Parts;
        var parts = new BillPart[Parts];
        for (var i = 0; i < Parts; i++)
        {
            parts[i] = new BillPart(i + 1, new Money(share + (i < leftover ? 1 : 0), due.Currency), []);
        }

        return (parts, null);
    }
}
