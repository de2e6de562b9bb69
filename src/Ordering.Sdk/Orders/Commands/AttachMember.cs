namespace Ordering.Sdk.Orders;

/// <summary>
/// Attaches a member (会员) to the order so member prices and member discounts apply, or detaches the
/// member when <see cref="MemberId"/> is null. The order is re-priced at once.
/// </summary>
public sealed record AttachMember : OrderCommand
{
    /// <summary>Gets the member to attach, or null to detach the current member.</summary>
    public string? MemberId { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? (MemberId is null ? null : Validate.Id(MemberId, "memberId"));
        if (error is not null)
        {
            return error;
        }

        return string.Equals(state.MemberId, MemberId, StringComparison.Ordinal)
            ? OrderErrors.MemberUnchanged(MemberId)
            : Decision.Accept(new MemberAttached { MemberId = MemberId });
    }
}
