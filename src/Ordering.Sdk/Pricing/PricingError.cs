namespace Ordering.Sdk.Pricing;

/// <summary>A structured reason an order could not be priced: a code, the path of the offending field and a message in zh-CN and en.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Path">The request path, for example <c>lines[2].modifiers[0]</c> or <c>context.coupons[0]</c>.</param>
/// <param name="MessageZhCn">The message in Simplified Chinese, for staff and diners.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record PricingError(PricingErrorCode Code, string Path, string MessageZhCn, string MessageEn)
{
    /// <summary>Formats the error as <c>Code at path: English message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Code} at {Path}: {MessageEn}";
}
