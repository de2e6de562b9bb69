using Ordering.Sdk;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Payments;

/// <summary>The demo's members: their stored-value balances live in the SDK's <see cref="StoredValueLedger"/>.</summary>
internal sealed class Members
{
    public static readonly IReadOnlyList<(string Id, string Name, long Principal, long Gift)> Seeded =
    [
        ("M1001", "王女士 (储值 ¥500)", 50000, 5000),
        ("M1002", "李先生 (储值 ¥30)", 3000, 0),
        ("M1003", "张同学 (会员, 无储值)", 0, 0),
    ];

    public Members()
    {
        foreach (var (id, _, principal, gift) in Seeded)
        {
            if (principal + gift > 0)
            {
                Ledger.TopUp(id, Money.Fen(principal), Money.Fen(gift), "seed-" + id);
            }
        }
    }

    public StoredValueLedger Ledger { get; } = new();

    public static bool Exists(string? memberId) => memberId is not null && Seeded.Any(m => m.Id == memberId);

    public IReadOnlyList<object> View() =>
        Seeded.Select(m => (object)new { id = m.Id, name = m.Name, balance = Ledger.GetBalance(m.Id).Total.MinorUnits }).ToArray();
}
