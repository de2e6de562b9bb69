using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

// Per-line working arrays of one pricing call, grown to the largest order seen and reused.
internal sealed class PricingWorkspace
{
    // Modifier or combo groups of one item that a line can choose from; a choice in a later group is reported as invalid.
    public const int MaxGroups = 64;

    public CompiledSku[] Skus = [];
    public long[] UnitGross = [];      // price + add-ons per unit (the weighed amount + add-ons for a weighed line)
    public long[] UnitBase = [];       // resolved unit price without add-ons
    public int[] Units = [];           // quantity (1 for a weighed line)
    public long[] Remaining = [];      // gross minus every discount so far
    public bool[] Claimed = [];        // taken by a non-stackable item promotion
    public bool[] Discounted = [];     // reduced by any item-level promotion or manual discount
    public long[] TaxableFees = [];
    public int[] LineTaxRate = [];     // index into CompiledPolicy.TaxRates, −1 when untaxed
    public long[] Weights = [];
    public long[] Shares = [];
    public long[] Remainders = [];
    public long[] Simulated = [];
    public long[] Scratch = [];
    public int[] Order = [];
    public long[] Keys = [];
    public int[] SkuQuantity = [];
    public int[] GroupCounts = new int[MaxGroups];
    public CompiledPromotion[] Candidates = new CompiledPromotion[16];
    public long[] CandidateBase = new long[16];
    public long[] CandidateAlone = new long[16];

    public void EnsureCapacity(int lines)
    {
        if (UnitGross.Length >= lines)
        {
            return;
        }

        var size = Math.Max(lines, UnitGross.Length * 2);
        Skus = new CompiledSku[size];
        UnitGross = new long[size];
        UnitBase = new long[size];
        Units = new int[size];
        Remaining = new long[size];
        Claimed = new bool[size];
        Discounted = new bool[size];
        TaxableFees = new long[size];
        LineTaxRate = new int[size];
        Weights = new long[size];
        Shares = new long[size];
        Remainders = new long[size];
        Simulated = new long[size];
        Scratch = new long[size];
        Order = new int[size];
        Keys = new long[size];
    }

    public void EnsureSkuCapacity(int skus)
    {
        if (SkuQuantity.Length < skus)
        {
            SkuQuantity = new int[skus];
        }
    }
}
