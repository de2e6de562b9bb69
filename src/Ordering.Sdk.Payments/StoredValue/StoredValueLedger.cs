namespace Ordering.Sdk.Payments;

/// <summary>
/// The member stored value ledger (会员储值): principal and gift balances, debit and credit entries, never
/// negative. A debit takes principal and gift in proportion to the balances; refunds give back to each
/// balance what the debit took from it, in the same proportion, so the gift can never turn into principal.
/// </summary>
/// <threadsafety>Safe to use from several threads.</threadsafety>
public sealed class StoredValueLedger
{
    private readonly Dictionary<string, StoredValueBalance> _balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Debit> _debits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);
    private readonly List<StoredValueEntry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Adds principal and gift to a member's balance; idempotent by <paramref name="reference"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="principal">The principal paid in (not negative).</param>
    /// <param name="gift">The gift granted (not negative).</param>
    /// <param name="reference">The top-up's unique reference.</param>
    /// <returns>The balance after the top-up.</returns>
    /// <exception cref="ArgumentException">An argument is empty or negative, or the currencies differ.</exception>
    public StoredValueBalance TopUp(string memberId, Money principal, Money gift, string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (principal.IsNegative || gift.IsNegative || principal.Currency != gift.Currency)
        {
            throw new ArgumentException($"principal, gift: must not be negative and must share a currency (were {principal}, {gift}).", nameof(principal));
        }

        lock (_lock)
        {
            if (!_references.Add("topup:" + reference))
            {
                return GetBalanceLocked(memberId, principal.Currency);
            }

            return Apply(memberId, reference, principal, gift);
        }
    }

    /// <summary>Gets a member's balance.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The balance (zero CNY for an unknown member).</returns>
    public StoredValueBalance GetBalance(string memberId)
    {
        lock (_lock)
        {
            return GetBalanceLocked(memberId, Currency.Cny);
        }
    }

    /// <summary>Gets a member's entries, oldest first.</summary>
    /// <param name="memberId">The member.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<StoredValueEntry> GetEntries(string memberId)
    {
        lock (_lock)
        {
            return _entries.FindAll(e => string.Equals(e.MemberId, memberId, StringComparison.Ordinal));
        }
    }

    internal ChannelResult TryDebit(string memberId, string merchantOrderNumber, Money amount)
    {
        lock (_lock)
        {
            if (_debits.TryGetValue(merchantOrderNumber, out var existing))
            {
                return existing.Reversed ? ChannelResult.Cancelled() : ChannelResult.Success(existing.Total);
            }

            var balance = GetBalanceLocked(memberId, amount.Currency);
            if (balance.Total < amount)
            {
                return ChannelResult.Decline(new ChannelError(FailureCause.Customer, "INSUFFICIENT_BALANCE", "The member's stored value balance is insufficient.", RecommendedAction.SwitchMethod));
            }

            // Proportional split, rounded so the parts sum exactly to the amount.
            var principalPart = balance.Total.IsZero ? amount : new Money(checked(amount.MinorUnits * balance.Principal.MinorUnits / balance.Total.MinorUnits), amount.Currency);
            if (principalPart > balance.Principal)
            {
                principalPart = balance.Principal;
            }

            var giftPart = amount - principalPart;
            if (giftPart > balance.Gift)
            {
                giftPart = balance.Gift;
                principalPart = amount - giftPart;
            }

            _debits[merchantOrderNumber] = new Debit(memberId, principalPart, giftPart);
            Apply(memberId, merchantOrderNumber, -principalPart, -giftPart);
            return ChannelResult.Success(amount);
        }
    }

    internal ChannelResult Query(string merchantOrderNumber)
    {
        lock (_lock)
        {
            if (!_debits.TryGetValue(merchantOrderNumber, out var debit))
            {
                return ChannelResult.NotFound();
            }

            return debit.Reversed ? ChannelResult.Cancelled() : ChannelResult.Success(debit.Total);
        }
    }

    internal ChannelResult Reverse(string merchantOrderNumber)
    {
        lock (_lock)
        {
            if (_debits.TryGetValue(merchantOrderNumber, out var debit) && !debit.Reversed)
            {
                var principalBack = debit.Principal - debit.PrincipalRestored;
                var giftBack = debit.Gift - debit.GiftRestored;
                debit.Reversed = true;
                debit.PrincipalRestored = debit.Principal;
                debit.GiftRestored = debit.Gift;
                Apply(debit.MemberId, merchantOrderNumber + ":reverse", principalBack, giftBack);
            }

            return ChannelResult.Cancelled();
        }
    }

    internal ChannelResult Refund(string merchantOrderNumber, string refundNumber, Money amount)
    {
        lock (_lock)
        {
            if (!_debits.TryGetValue(merchantOrderNumber, out var debit))
            {
                return ChannelResult.Decline(new ChannelError(FailureCause.Unknown, "TRADE_NOT_EXIST", "No such stored value debit."));
            }

            if (debit.Refunds.TryGetValue(refundNumber, out var done))
            {
                return ChannelResult.Success(done);
            }

            var remaining = debit.Total - debit.Refunded;
            if (debit.Reversed || amount > remaining || amount.MinorUnits <= 0)
            {
                return ChannelResult.Decline(new ChannelError(FailureCause.Unknown, "REFUND_AMOUNT_INVALID", "The refund exceeds what remains of the debit."));
            }

            // Cumulative proportional restore: after a full refund each balance got back exactly what was taken.
            var refundedAfter = debit.Refunded + amount;
            var principalTarget = new Money(checked(debit.Principal.MinorUnits * refundedAfter.MinorUnits / debit.Total.MinorUnits), amount.Currency);
            var principalBack = principalTarget - debit.PrincipalRestored;
            var giftBack = amount - principalBack;
            debit.Refunded = refundedAfter;
            debit.PrincipalRestored += principalBack;
            debit.GiftRestored += giftBack;
            debit.Refunds[refundNumber] = amount;
            Apply(debit.MemberId, refundNumber, principalBack, giftBack);
            return ChannelResult.Success(amount);
        }
    }

    internal ChannelResult QueryRefund(string merchantOrderNumber, string refundNumber)
    {
        lock (_lock)
        {
            return _debits.TryGetValue(merchantOrderNumber, out var debit) && debit.Refunds.TryGetValue(refundNumber, out var amount)
                ? ChannelResult.Success(amount)
                : ChannelResult.NotFound();
        }
    }

    private StoredValueBalance GetBalanceLocked(string memberId, Currency currency) =>
        _balances.TryGetValue(memberId, out var balance) ? balance : new StoredValueBalance(Money.Zero(currency), Money.Zero(currency));

    private StoredValueBalance Apply(string memberId, string reference, Money principal, Money gift)
    {
        var balance = GetBalanceLocked(memberId, principal.Currency);
        var after = new StoredValueBalance(balance.Principal + principal, balance.Gift + gift);
        if (after.Principal.IsNegative || after.Gift.IsNegative)
        {
            throw new InvalidOperationException("Stored value balance would go negative; the ledger refused the entry.");
        }

        _balances[memberId] = after;
        _entries.Add(new StoredValueEntry(memberId, reference, principal, gift, after));
        return after;
    }

    private sealed class Debit(string memberId, Money principal, Money gift)
    {
        public string MemberId { get; } = memberId;

        public Money Principal { get; } = principal;

        public Money Gift { get; } = gift;

        public Money Total => Principal + Gift;

        public Money Refunded { get; set; } = Money.Zero(principal.Currency);

        public Money PrincipalRestored { get; set; } = Money.Zero(principal.Currency);

        public Money GiftRestored { get; set; } = Money.Zero(principal.Currency);

        public bool Reversed { get; set; }

        public Dictionary<string, Money> Refunds { get; } = new(StringComparer.Ordinal);
    }
}
