namespace Ordering.Sdk.Payments;

/// <summary>
/// The member stored value ledger (会员储值) in memory: principal and gift balances, debit and credit entries,
/// never negative. A debit takes principal and gift in proportion to the balances; refunds give back to each
/// balance what the debit took from it, in the same proportion, so the gift can never turn into principal.
/// </summary>
/// <remarks>For tests, simulations and hosts without durable storage; it does not survive the process (use the SQLite ledger for that).</remarks>
/// <threadsafety>Safe to use from several threads.</threadsafety>
public sealed class StoredValueLedger : IStoredValueLedger
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

    /// <inheritdoc/>
    public ValueTask<StoredValueBalance> TopUpAsync(string memberId, Money principal, Money gift, string reference, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TopUp(memberId, principal, gift, reference));

    /// <inheritdoc/>
    public ValueTask<StoredValueBalance> GetBalanceAsync(string memberId, CancellationToken cancellationToken = default) => ValueTask.FromResult(GetBalance(memberId));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<StoredValueEntry>> GetEntriesAsync(string memberId, CancellationToken cancellationToken = default) => ValueTask.FromResult(GetEntries(memberId));

    /// <inheritdoc/>
    public ValueTask<ChannelResult> DebitAsync(string memberId, string merchantOrderNumber, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantOrderNumber);
        lock (_lock)
        {
            if (_debits.TryGetValue(merchantOrderNumber, out var existing))
            {
                return ValueTask.FromResult(existing.Reversed ? ChannelResult.Cancelled() : ChannelResult.Success(existing.Parts.Total));
            }

            var balance = GetBalanceLocked(memberId, amount.Currency);
            if (amount.MinorUnits <= 0 || balance.Principal.Currency != amount.Currency || balance.Total < amount)
            {
                return ValueTask.FromResult(StoredValueErrors.Insufficient());
            }

            var parts = StoredValueAllocation.Debit(balance, amount);
            _debits[merchantOrderNumber] = new Debit(memberId, parts);
            Apply(memberId, merchantOrderNumber, -parts.Principal, -parts.Gift);
            return ValueTask.FromResult(ChannelResult.Success(amount));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryDebitAsync(string merchantOrderNumber, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_debits.TryGetValue(merchantOrderNumber, out var debit))
            {
                return ValueTask.FromResult(ChannelResult.NotFound());
            }

            return ValueTask.FromResult(debit.Reversed ? ChannelResult.Cancelled() : ChannelResult.Success(debit.Parts.Total));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> ReverseDebitAsync(string merchantOrderNumber, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_debits.TryGetValue(merchantOrderNumber, out var debit) && !debit.Reversed)
            {
                var principalBack = debit.Parts.Principal - debit.PrincipalRestored;
                var giftBack = debit.Parts.Gift - (debit.Refunded - debit.PrincipalRestored);
                debit.Reversed = true;
                Apply(debit.MemberId, merchantOrderNumber + ":reverse", principalBack, giftBack);
            }

            return ValueTask.FromResult(ChannelResult.Cancelled());
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> RefundDebitAsync(string merchantOrderNumber, string refundNumber, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundNumber);
        lock (_lock)
        {
            if (!_debits.TryGetValue(merchantOrderNumber, out var debit))
            {
                return ValueTask.FromResult(StoredValueErrors.NoSuchDebit());
            }

            if (debit.Refunds.TryGetValue(refundNumber, out var done))
            {
                return ValueTask.FromResult(ChannelResult.Success(done));
            }

            if (debit.Reversed || amount.MinorUnits <= 0 || amount.Currency != debit.Parts.Principal.Currency || amount > debit.Parts.Total - debit.Refunded)
            {
                return ValueTask.FromResult(StoredValueErrors.RefundTooLarge());
            }

            var back = StoredValueAllocation.Refund(debit.Parts, debit.Refunded, debit.PrincipalRestored, amount);
            debit.Refunded += amount;
            debit.PrincipalRestored += back.Principal;
            debit.Refunds[refundNumber] = amount;
            Apply(debit.MemberId, refundNumber, back.Principal, back.Gift);
            return ValueTask.FromResult(ChannelResult.Success(amount));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_debits.TryGetValue(merchantOrderNumber, out var debit) && debit.Refunds.TryGetValue(refundNumber, out var amount)
                ? ChannelResult.Success(amount)
                : ChannelResult.NotFound());
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

    private sealed class Debit(string memberId, StoredValueBalance parts)
    {
        public string MemberId { get; } = memberId;

        public StoredValueBalance Parts { get; } = parts;

        public Money Refunded { get; set; } = Money.Zero(parts.Principal.Currency);

        public Money PrincipalRestored { get; set; } = Money.Zero(parts.Principal.Currency);

        public bool Reversed { get; set; }

        public Dictionary<string, Money> Refunds { get; } = new(StringComparer.Ordinal);
    }
}
