namespace Ordering.Sdk.Catalog;

/// <summary>A display name in Simplified Chinese and in English, as printed on receipts and shown to staff.</summary>
/// <param name="ZhCn">The Simplified Chinese text, for example <c>宫保鸡丁</c>.</param>
/// <param name="En">The English text, for example <c>Kung Pao Chicken</c>.</param>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed record LocalizedText(string ZhCn, string En);
