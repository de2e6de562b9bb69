using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Devices.Queue;

/// <summary>A durable print job: the ticket, where it stands, and what happened to it. Stored by an <see cref="IPrintOutbox"/>.</summary>
/// <param name="Key">The job's key.</param>
/// <param name="Ticket">The kitchen ticket to print.</param>
/// <param name="State">Where the job stands.</param>
/// <param name="CreatedAt">When the job was queued.</param>
/// <param name="NextAttemptAt">When a pending job is next due.</param>
/// <param name="Attempts">How many rounds of printing were started.</param>
/// <param name="PrintedOn">The printer that confirmed printing, once printed.</param>
/// <param name="PrintedAt">When printing was confirmed.</param>
/// <param name="LastError">Why the last round failed, for staff.</param>
/// <param name="LeaseUntil">While <see cref="PrintJobState.Printing"/>: until when the claim of the printing process holds; after it the job counts as interrupted.</param>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed record PrintJob(
    PrintJobKey Key,
    KitchenTicket Ticket,
    PrintJobState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    int Attempts = 0,
    string? PrintedOn = null,
    DateTimeOffset? PrintedAt = null,
    string? LastError = null,
    DateTimeOffset? LeaseUntil = null);
