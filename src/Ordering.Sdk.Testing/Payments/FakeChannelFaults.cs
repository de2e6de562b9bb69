namespace Ordering.Sdk.Testing;

/// <summary>The fault model of a <see cref="FakePaymentChannel"/>: probabilities drawn per call and per notification.</summary>
public sealed class FakeChannelFaults
{
    /// <summary>Gets no faults at all (the "healed" world).</summary>
    public static FakeChannelFaults None => new();

    /// <summary>Gets or sets the probability that a call suffers one of the <see cref="FakeCallFault"/> faults (chosen uniformly).</summary>
    /// <value>The default value is 0.</value>
    public double CallFaultRate { get; set; }

    /// <summary>Gets or sets the probability that a notification is never delivered.</summary>
    /// <value>The default value is 0.</value>
    public double NotificationLossRate { get; set; }

    /// <summary>Gets or sets the probability that a notification is delivered twice.</summary>
    /// <value>The default value is 0.</value>
    public double NotificationDuplicateRate { get; set; }

    /// <summary>Gets or sets the longest delay of a notification (delays are uniform, so notifications reorder).</summary>
    /// <value>The default value is 0.</value>
    public TimeSpan MaxNotificationDelay { get; set; }

    /// <summary>Gets or sets the probability that a refund is answered "processing" and completes later.</summary>
    /// <value>The default value is 0.</value>
    public double RefundProcessingRate { get; set; }
}
