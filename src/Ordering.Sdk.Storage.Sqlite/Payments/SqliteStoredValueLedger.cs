using Microsoft.Data.Sqlite;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>
/// The member stored value ledger (会员储值) in a SQLite file: principal and gift balances and every debit and
/// credit entry, durable before each call returns (<c>synchronous=FULL</c>).
/// </summary>
/// <remarks>
/// Every change is one <c>BEGIN IMMEDIATE</c> transaction that reads the balance, checks it and writes the entry
/// and the new balance under the database's write lock, so concurrent debits from this process, another
/// connection or another process can never overdraw a member; <c>CHECK</c> constraints refuse a negative
/// balance even if the code were wrong. Entries are idempotent by key (top-up reference, merchant order
/// number, refund number): a repeated call returns the first answer and writes nothing.
/// </remarks>
/// <threadsafety>Safe to use from several threads; calls on one instance are serialized; several connections and processes may share the file.</threadsafety>
public sealed class SqliteStoredValueLedger : IStoredValueLedger, IAsyncDisposable, IDisposable
{
    /// <summary>The component name of the ledger's schema in <c>schema_migrations</c>.</summary>
    public const string Component = "payments.stored_value";

    private const int TopUpKind = 0;
    private const int DebitKind = 1;
    private const int ReverseKind = 2;
    private const int RefundKind = 3;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteStoredValueLedger(SqliteConnection connection) => _connection = connection;

    /// <summary>Gets the ledger's schema (version 1).</summary>
    public static SqliteSchema Schema { get; } = new(Component, [
        new SqliteMigration(1, """
            CREATE TABLE stored_value_accounts (
                member_id TEXT PRIMARY KEY NOT NULL,
                currency TEXT NOT NULL,
                principal INTEGER NOT NULL CHECK (principal >= 0),
                gift INTEGER NOT NULL CHECK (gift >= 0)) WITHOUT ROWID;
            CREATE TABLE stored_value_entries (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                entry_key TEXT NOT NULL UNIQUE,
                member_id TEXT NOT NULL REFERENCES stored_value_accounts (member_id),
                kind INTEGER NOT NULL,
                reference TEXT NOT NULL,
                debit_number TEXT,
                principal INTEGER NOT NULL,
                gift INTEGER NOT NULL,
                principal_after INTEGER NOT NULL CHECK (principal_after >= 0),
                gift_after INTEGER NOT NULL CHECK (gift_after >= 0));
            CREATE INDEX ix_stored_value_entries_member ON stored_value_entries (member_id, sequence);
            CREATE INDEX ix_stored_value_entries_debit ON stored_value_entries (debit_number);
            """),
    ]);

    /// <summary>Opens (creating and migrating if needed) the ledger in <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The database file (it may hold the payment journal and other stores too).</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The ledger; dispose it to close the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is empty.</exception>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer SDK.</exception>
    /// <exception cref="InvalidOperationException">The file refuses WAL or <c>synchronous=FULL</c>.</exception>
    public static async ValueTask<SqliteStoredValueLedger> OpenAsync(string filePath, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteDatabase.OpenAsync(filePath, Schema, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SqliteStoredValueLedger(connection);
    }

    /// <inheritdoc/>
    public async ValueTask<StoredValueBalance> TopUpAsync(string memberId, Money principal, Money gift, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (principal.IsNegative || gift.IsNegative || principal.Currency != gift.Currency)
        {
            throw new ArgumentException($"principal, gift: must not be negative and must share a currency (were {principal}, {gift}).", nameof(principal));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var balance = await ReadBalanceAsync(memberId, principal.Currency, cancellationToken).ConfigureAwait(false);
            if (balance.Principal.Currency != principal.Currency)
            {
                throw new ArgumentException($"principal: the member's stored value is kept in {balance.Principal.Currency}, not {principal.Currency}.", nameof(principal));
            }

            if (await EntryExistsAsync("topup:" + reference, cancellationToken).ConfigureAwait(false))
            {
                return balance;
            }

            var after = await ApplyAsync(memberId, balance, TopUpKind, "topup:" + reference, reference, null, principal, gift, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return after;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<StoredValueBalance> GetBalanceAsync(string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadBalanceAsync(memberId, Currency.Cny, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredValueEntry>> GetEntriesAsync(string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command(
                "SELECT e.reference, e.principal, e.gift, e.principal_after, e.gift_after, a.currency FROM stored_value_entries e JOIN stored_value_accounts a ON a.member_id = e.member_id WHERE e.member_id = $member ORDER BY e.sequence;",
                ("$member", memberId));
            var entries = new List<StoredValueEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var currency = ToCurrency(reader.GetString(5));
                entries.Add(new StoredValueEntry(
                    memberId,
                    reader.GetString(0),
                    new Money(reader.GetInt64(1), currency),
                    new Money(reader.GetInt64(2), currency),
                    new StoredValueBalance(new Money(reader.GetInt64(3), currency), new Money(reader.GetInt64(4), currency))));
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ChannelResult> DebitAsync(string memberId, string merchantOrderNumber, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantOrderNumber);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var existing = await ReadDebitAsync(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing.Reversed ? ChannelResult.Cancelled() : ChannelResult.Success(existing.Parts.Total);
            }

            // Read and checked inside the write lock: no other connection can debit between the check and the write.
            var balance = await ReadBalanceAsync(memberId, amount.Currency, cancellationToken).ConfigureAwait(false);
            if (amount.MinorUnits <= 0 || balance.Principal.Currency != amount.Currency || balance.Total < amount)
            {
                return StoredValueErrors.Insufficient();
            }

            var parts = StoredValueAllocation.Debit(balance, amount);
            await ApplyAsync(memberId, balance, DebitKind, "debit:" + merchantOrderNumber, merchantOrderNumber, merchantOrderNumber, -parts.Principal, -parts.Gift, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return ChannelResult.Success(amount);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ChannelResult> QueryDebitAsync(string merchantOrderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merchantOrderNumber);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            var debit = await ReadDebitAsync(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
            return debit is null ? ChannelResult.NotFound() : debit.Reversed ? ChannelResult.Cancelled() : ChannelResult.Success(debit.Parts.Total);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ChannelResult> ReverseDebitAsync(string merchantOrderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merchantOrderNumber);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var debit = await ReadDebitAsync(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
            if (debit is not null && !debit.Reversed)
            {
                var balance = await ReadBalanceAsync(debit.MemberId, debit.Parts.Principal.Currency, cancellationToken).ConfigureAwait(false);
                var principalBack = debit.Parts.Principal - debit.PrincipalRestored;
                var giftBack = debit.Parts.Gift - (debit.Refunded - debit.PrincipalRestored);
                await ApplyAsync(debit.MemberId, balance, ReverseKind, "reverse:" + merchantOrderNumber, merchantOrderNumber + ":reverse", merchantOrderNumber, principalBack, giftBack, cancellationToken).ConfigureAwait(false);
                transaction.Commit();
            }

            return ChannelResult.Cancelled();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ChannelResult> RefundDebitAsync(string merchantOrderNumber, string refundNumber, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merchantOrderNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(refundNumber);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var done = await ReadRefundAsync(merchantOrderNumber, refundNumber, cancellationToken).ConfigureAwait(false);
            if (done is { } amountDone)
            {
                return ChannelResult.Success(amountDone);
            }

            var debit = await ReadDebitAsync(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
            if (debit is null)
            {
                return StoredValueErrors.NoSuchDebit();
            }

            if (debit.Reversed || amount.MinorUnits <= 0 || amount.Currency != debit.Parts.Principal.Currency || amount > debit.Parts.Total - debit.Refunded)
            {
                return StoredValueErrors.RefundTooLarge();
            }

            var back = StoredValueAllocation.Refund(debit.Parts, debit.Refunded, debit.PrincipalRestored, amount);
            var balance = await ReadBalanceAsync(debit.MemberId, amount.Currency, cancellationToken).ConfigureAwait(false);
            await ApplyAsync(debit.MemberId, balance, RefundKind, RefundKey(merchantOrderNumber, refundNumber), refundNumber, merchantOrderNumber, back.Principal, back.Gift, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return ChannelResult.Success(amount);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merchantOrderNumber);
        ArgumentNullException.ThrowIfNull(refundNumber);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var done = await ReadRefundAsync(merchantOrderNumber, refundNumber, cancellationToken).ConfigureAwait(false);
            return done is { } amount ? ChannelResult.Success(amount) : ChannelResult.NotFound();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private static string RefundKey(string merchantOrderNumber, string refundNumber) => "refund:" + merchantOrderNumber + ":" + refundNumber;

    private static Currency ToCurrency(string code) => Currency.TryFromCode(code, out var currency) ? currency.Value : Currency.Cny;

    private async ValueTask<StoredValueBalance> ReadBalanceAsync(string memberId, Currency currencyIfNew, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT currency, principal, gift FROM stored_value_accounts WHERE member_id = $member;", ("$member", memberId));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new StoredValueBalance(Money.Zero(currencyIfNew), Money.Zero(currencyIfNew));
        }

        var currency = ToCurrency(reader.GetString(0));
        return new StoredValueBalance(new Money(reader.GetInt64(1), currency), new Money(reader.GetInt64(2), currency));
    }

    private async ValueTask<bool> EntryExistsAsync(string entryKey, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT 1 FROM stored_value_entries WHERE entry_key = $key;", ("$key", entryKey));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private async ValueTask<Money?> ReadRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken)
    {
        using var command = Command(
            "SELECT e.principal + e.gift, a.currency FROM stored_value_entries e JOIN stored_value_accounts a ON a.member_id = e.member_id WHERE e.entry_key = $key;",
            ("$key", RefundKey(merchantOrderNumber, refundNumber)));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new Money(reader.GetInt64(0), ToCurrency(reader.GetString(1))) : null;
    }

    // A debit's state is folded from its entries: the debit itself, its refunds, and a reversal.
    private async ValueTask<DebitState?> ReadDebitAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        using var command = Command(
            "SELECT e.kind, e.principal, e.gift, e.member_id, a.currency FROM stored_value_entries e JOIN stored_value_accounts a ON a.member_id = e.member_id WHERE e.debit_number = $debit ORDER BY e.sequence;",
            ("$debit", merchantOrderNumber));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        DebitState? debit = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var currency = ToCurrency(reader.GetString(4));
            var principal = new Money(reader.GetInt64(1), currency);
            var gift = new Money(reader.GetInt64(2), currency);
            switch (reader.GetInt32(0))
            {
                case DebitKind:
                    debit = new DebitState(reader.GetString(3), new StoredValueBalance(-principal, -gift));
                    break;
                case RefundKind when debit is not null:
                    debit.Refunded += principal + gift;
                    debit.PrincipalRestored += principal;
                    break;
                case ReverseKind when debit is not null:
                    debit.Reversed = true;
                    break;
            }
        }

        return debit;
    }

    private async ValueTask<StoredValueBalance> ApplyAsync(string memberId, StoredValueBalance balance, int kind, string entryKey, string reference, string? debitNumber, Money principal, Money gift, CancellationToken cancellationToken)
    {
        var after = new StoredValueBalance(balance.Principal + principal, balance.Gift + gift);
        if (after.Principal.IsNegative || after.Gift.IsNegative)
        {
            throw new InvalidOperationException("Stored value balance would go negative; the ledger refused the entry.");
        }

        using (var account = Command(
            "INSERT INTO stored_value_accounts (member_id, currency, principal, gift) VALUES ($member, $currency, $principal, $gift) ON CONFLICT(member_id) DO UPDATE SET principal = excluded.principal, gift = excluded.gift;",
            ("$member", memberId),
            ("$currency", after.Principal.Currency.Code),
            ("$principal", after.Principal.MinorUnits),
            ("$gift", after.Gift.MinorUnits)))
        {
            await account.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var entry = Command(
            "INSERT INTO stored_value_entries (entry_key, member_id, kind, reference, debit_number, principal, gift, principal_after, gift_after) VALUES ($key, $member, $kind, $reference, $debit, $principal, $gift, $principalAfter, $giftAfter);",
            ("$key", entryKey),
            ("$member", memberId),
            ("$kind", kind),
            ("$reference", reference),
            ("$debit", (object?)debitNumber ?? DBNull.Value),
            ("$principal", principal.MinorUnits),
            ("$gift", gift.MinorUnits),
            ("$principalAfter", after.Principal.MinorUnits),
            ("$giftAfter", after.Gift.MinorUnits));
        await entry.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return after;
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private sealed class DebitState(string memberId, StoredValueBalance parts)
    {
        public string MemberId { get; } = memberId;

        public StoredValueBalance Parts { get; } = parts;

        public Money Refunded { get; set; } = Money.Zero(parts.Principal.Currency);

        public Money PrincipalRestored { get; set; } = Money.Zero(parts.Principal.Currency);

        public bool Reversed { get; set; }
    }
}
