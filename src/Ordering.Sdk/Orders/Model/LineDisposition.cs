namespace Ordering.Sdk.Orders;

/// <summary>What happens to a batch of items when it is added.</summary>
public enum LineDisposition
{
    /// <summary>Send to the kitchen now: the batch becomes a kitchen round (加菜).</summary>
    Fire = 0,

    /// <summary>Send to the kitchen marked hold (叫起); cook only on a later fire (起菜).</summary>
    Hold = 1,

    /// <summary>Keep in the shared table cart until someone submits it.</summary>
    Cart = 2,
}
