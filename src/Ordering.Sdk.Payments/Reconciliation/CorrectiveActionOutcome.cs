namespace Ordering.Sdk.Payments;

/// <summary>What applying a corrective action did.</summary>
public enum CorrectiveActionOutcome
{
    /// <summary>It was carried out now.</summary>
    Applied = 0,

    /// <summary>It had been carried out before; nothing changed.</summary>
    AlreadyApplied = 1,

    /// <summary>It needs a person (manual review, or no engine to confirm with).</summary>
    NeedsPerson = 2,

    /// <summary>The channel refused or did not answer; applying it again later is safe.</summary>
    Failed = 3,
}
