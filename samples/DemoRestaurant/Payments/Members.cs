using Ordering.Sdk;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Payments;

/// <summary>
/// The demo's members: their stored-value balances live in the SDK's durable <see cref="IStoredValueLedger"/> (SQLite,
/// beside the order database), so a balance spent survives a restart; the seed top-ups are keyed, so they apply once.
/// </summary>
internal sealed class Members
{
    public static readonly IReadOnlyList<(string Id, string Name, long Principal, long Gift)> Seeded =
    [
        ("M1001", "王女士 (储值 ¥500)", 50000, 5000),
        ("M1002", "李先生 (储值 ¥30)", 3000, 0),
        ("M1003", "张同学 (会员, 无储值)", 0, 0),
    ];

    private Members(IStoredValueLedger ledger) => Ledger = ledger;

    public IStoredValueLedger Ledger { get; }

    public static async Task<Members> SeedAsync(IStoredValueLedger ledger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        foreach (var (id, _, principal, gift) in Seeded)
        {
            if (principal + gift > 0)
            {
                await ledger.TopUpAsync(id, Money.Fen(principal), Money.Fen(gift), "seed-" + id, cancellationToken);
            }
        }

        return new Members(ledger);
    }

    public static bool Exists(string? memberId) => memberId is not null && Seeded.Any(m => m.Id == memberId);

    public async Task<IReadOnlyList<object>> ViewAsync(CancellationToken cancellationToken)
    {
        var view = new List<object>(Seeded.Count);
        foreach (var (id, name, _, _) in Seeded)
        {
            var balance = await Ledger.GetBalanceAsync(id, cancellationToken);
            view.Add(new { id, name, balance = balance.Total.MinorUnits });
        }

        return view;
    }
}
