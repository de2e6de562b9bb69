using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Storage.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the durable SQLite payment stores.</summary>
public static class SqlitePaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite <see cref="IPaymentJournal"/> (<see cref="SqlitePaymentJournal"/>) and
    /// <see cref="IStoredValueLedger"/> (<see cref="SqliteStoredValueLedger"/>) in one file, replacing any
    /// journal or ledger registered before (and the in-memory defaults of <c>AddOrderingSdkPayments</c>, whatever the order of the calls).
    /// </summary>
    /// <remarks>
    /// The file is opened and migrated when the journal or ledger is first resolved (normally when the
    /// <see cref="IPaymentEngine"/> is resolved at start-up); the container closes it when it is disposed.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="filePath">The database file; its directory must exist.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is empty, or its directory does not exist.</exception>
    public static IServiceCollection AddOrderingSdkSqlitePayments(this IServiceCollection services, string filePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var fullPath = Path.GetFullPath(filePath);
        if (!Directory.Exists(Path.GetDirectoryName(fullPath)))
        {
            throw new ArgumentException($"filePath: the directory of '{fullPath}' does not exist.", nameof(filePath));
        }

        services.RemoveAll<IPaymentJournal>();
        services.RemoveAll<IStoredValueLedger>();

        // DI factories are synchronous; opening awaits with ConfigureAwait(false) throughout, so blocking cannot deadlock.
        services.AddSingleton<IPaymentJournal>(_ => SqlitePaymentJournal.OpenAsync(fullPath).AsTask().GetAwaiter().GetResult());
        services.AddSingleton<IStoredValueLedger>(_ => SqliteStoredValueLedger.OpenAsync(fullPath).AsTask().GetAwaiter().GetResult());
        return services;
    }
}
