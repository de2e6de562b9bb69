namespace Ordering.Sdk.Payments;

/// <summary>The result of applying one corrective action.</summary>
/// <param name="Action">The action.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">The channel's answer or why nothing was done.</param>
public sealed record CorrectiveActionResult(CorrectiveAction Action, CorrectiveActionOutcome Outcome, string Detail);
