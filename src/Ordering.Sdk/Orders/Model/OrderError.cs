namespace Ordering.Sdk.Orders;

/// <summary>Why a command was refused: a stable code, the offending field and a message in two languages.</summary>
/// <param name="Code">A stable machine-readable code, for example <c>line_not_fired</c>.</param>
/// <param name="Field">The path of the offending field, for example <c>items[2].quantity</c>, or empty.</param>
/// <param name="MessageEn">The reason in English.</param>
/// <param name="MessageZh">The reason in Simplified Chinese.</param>
public sealed record OrderError(string Code, string Field, string MessageEn, string MessageZh);
