using System.Globalization;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Testing;

/// <summary>
/// Orders to test and benchmark pricing with. They name SKUs and modifier choices by id only, so they price
/// against any menu that offers the ids listed here with those modifier groups.
/// </summary>
public static class SampleOrders
{
    /// <summary>Gets the SKU id of 宫保鸡丁, which every fourth line orders with modifiers.</summary>
    public const string KungPao = "kungpao";

    /// <summary>Gets the SKU id of the large 酸菜鱼.</summary>
    public const string FishLarge = "fish-l";

    /// <summary>Gets the SKU id of 饺子 (dumplings), ordered four at a time.</summary>
    public const string Dumpling = "dumpling";

    /// <summary>Gets the SKU id of 拍黄瓜, ordered two at a time.</summary>
    public const string Cucumber = "cucumber";

    /// <summary>Gets the modifier choice id of the spice level (特辣) of every 宫保鸡丁 line.</summary>
    public const string Hot = "hot";

    /// <summary>Gets the modifier choice id of the egg extra (加蛋), taken twice on every 宫保鸡丁 line.</summary>
    public const string Egg = "egg";

    /// <summary>Gets the modifier choice id of the peanut extra (加花生), taken once on every 宫保鸡丁 line.</summary>
    public const string Peanut = "peanut";

    /// <summary>Gets the number of guests at the busy table (what a per-guest tea fee counts).</summary>
    public const int Guests = 4;

    /// <summary>Gets the instant the busy table orders at: Tuesday 24 November 2026, 12:30 in Shanghai (lunch).</summary>
    public static DateTimeOffset Lunch { get; } = new(2026, 11, 24, 12, 30, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// Builds a busy table's order: <paramref name="lines"/> lines for <see cref="Guests"/> guests at
    /// <see cref="Lunch"/>. Line i is, by i mod 4: <see cref="KungPao"/> × (1 + i mod 3) with <see cref="Hot"/>,
    /// two <see cref="Egg"/> and one <see cref="Peanut"/>; one <see cref="FishLarge"/>; four <see cref="Dumpling"/>;
    /// two <see cref="Cucumber"/>. Diner tags rotate over four diners. The 20-line order is the one the pricing
    /// benchmark and the pricing allocation test price.
    /// </summary>
    /// <param name="lines">The number of lines, at least 1.</param>
    /// <returns>A new request; the caller may change it (member, coupons, channel) before pricing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lines"/> is less than 1.</exception>
    public static PricingRequest BusyTable(int lines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lines, 1);
        var request = new PricingRequest();
        for (var i = 0; i < lines; i++)
        {
            var line = new OrderLineRequest { DinerTag = string.Create(CultureInfo.InvariantCulture, $"diner-{i % 4}") };
            switch (i % 4)
            {
                case 0:
                    line.SkuId = KungPao;
                    line.Quantity = 1 + (i % 3);
                    line.Modifiers.Add(new ModifierSelection(Hot));
                    line.Modifiers.Add(new ModifierSelection(Egg, 2));
                    line.Modifiers.Add(new ModifierSelection(Peanut));
                    break;
                case 1:
                    line.SkuId = FishLarge;
                    break;
                case 2:
                    line.SkuId = Dumpling;
                    line.Quantity = 4;
                    break;
                default:
                    line.SkuId = Cucumber;
                    line.Quantity = 2;
                    break;
            }

            request.Lines.Add(line);
        }

        request.Context.GuestCount = Guests;
        request.Context.At = Lunch;
        return request;
    }
}
