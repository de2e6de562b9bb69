namespace Ordering.Sdk.Payments;

/// <summary>The answers every <see cref="IStoredValueLedger"/> gives for refused stored value operations.</summary>
public static class StoredValueErrors
{
    /// <summary>The raw code of a debit larger than the member's balance.</summary>
    public const string InsufficientBalanceCode = "INSUFFICIENT_BALANCE";

    /// <summary>The raw code of a refund for a debit the ledger does not hold.</summary>
    public const string NoSuchDebitCode = "TRADE_NOT_EXIST";

    /// <summary>The raw code of a refund larger than what remains of its debit (or of a reversed debit).</summary>
    public const string RefundTooLargeCode = "REFUND_AMOUNT_INVALID";

    /// <summary>Creates the answer to a debit the balance does not cover.</summary>
    /// <returns>A declined result recommending another method.</returns>
    public static ChannelResult Insufficient() =>
        ChannelResult.Decline(new ChannelError(FailureCause.Customer, InsufficientBalanceCode, "The member's stored value balance is insufficient.", RecommendedAction.SwitchMethod));

    /// <summary>Creates the answer to a refund of an unknown debit.</summary>
    /// <returns>A declined result.</returns>
    public static ChannelResult NoSuchDebit() =>
        ChannelResult.Decline(new ChannelError(FailureCause.Unknown, NoSuchDebitCode, "No such stored value debit."));

    /// <summary>Creates the answer to a refund larger than what remains of its debit.</summary>
    /// <returns>A declined result.</returns>
    public static ChannelResult RefundTooLarge() =>
        ChannelResult.Decline(new ChannelError(FailureCause.Unknown, RefundTooLargeCode, "The refund exceeds what remains of the debit."));
}
