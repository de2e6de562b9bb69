namespace Ordering.Sdk.Orders;

/// <summary>A member (会员) was attached to the order, or detached when <see cref="MemberId"/> is null.</summary>
public sealed record MemberAttached : OrderEvent
{
    /// <summary>Gets the member now attached, or null when the member was detached.</summary>
    public string? MemberId { get; init; }
}
