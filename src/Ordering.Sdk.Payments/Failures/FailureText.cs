namespace Ordering.Sdk.Payments;

// The four messages of one failure: staff and customer, Simplified Chinese and English.
internal readonly record struct FailureText(string StaffZhCn, string StaffEn, string CustomerZhCn, string CustomerEn);
