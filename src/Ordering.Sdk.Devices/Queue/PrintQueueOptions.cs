namespace Ordering.Sdk.Devices.Queue;

/// <summary>Printers, stations, and the retry and timeout policy of the kitchen print queue.</summary>
public sealed class PrintQueueOptions
{
    /// <summary>Gets the printers.</summary>
    public IList<PrinterDefinition> Printers { get; } = [];

    /// <summary>Gets the kitchen stations.</summary>
    public IList<KitchenStation> Stations { get; } = [];

    /// <summary>Gets or sets how many times a job is tried on one printer before failing over.</summary>
    /// <value>The default value is 3.</value>
    public int AttemptsPerPrinter { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay on the same printer; it doubles on every retry.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long a job waits before the next round when every printer of its station failed.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RequeueDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long to wait for a TCP connection.</summary>
    /// <value>The default value is 3 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how long a write may take.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long to wait for a status reply (DLE EOT).</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan StatusTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long to wait for the completion signal after sending a job.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan CompletionTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets how often <see cref="IPrintQueue.RunAsync"/> looks for due jobs.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets how long a worker's claim on a job lasts. A job still marked printing after its lease ran out
    /// was interrupted (a crash or a killed process): it is flagged for staff, never re-sent automatically, since it
    /// may have printed. Must exceed the longest possible round (see <see cref="LongestRound"/>).
    /// </summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan JobLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets the longest one round of a job can take with these timeouts: every attempt on the primary and the backup timing out, with retry delays and buffer clearing.</summary>
    public TimeSpan LongestRound
    {
        get
        {
            var attempt = ConnectTimeout + (StatusTimeout * 8) + WriteTimeout + CompletionTimeout;
            var delays = TimeSpan.Zero;
            for (var i = 0; i < AttemptsPerPrinter - 1; i++)
            {
                delays += RetryDelay * Math.Pow(2, i);
            }

            var clear = ConnectTimeout + WriteTimeout + StatusTimeout;
            return ((attempt * AttemptsPerPrinter) + delays + clear) * 2;
        }
    }

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public void Validate()
    {
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var printer in Printers)
        {
            if (printer is null || string.IsNullOrWhiteSpace(printer.Id))
            {
                failures.Add("Printers: every printer needs an Id.");
                continue;
            }

            if (!ids.Add(printer.Id))
            {
                failures.Add($"Printers: the Id '{printer.Id}' is used twice.");
            }

            if (string.IsNullOrWhiteSpace(printer.Host) == string.IsNullOrWhiteSpace(printer.DevicePath))
            {
                failures.Add($"Printers['{printer.Id}']: set exactly one of Host or DevicePath.");
            }

            if (printer.Port is < 1 or > 65535)
            {
                failures.Add($"Printers['{printer.Id}'].Port must be 1–65535; it is {printer.Port}.");
            }

            if (printer.Profile is null)
            {
                failures.Add($"Printers['{printer.Id}'].Profile is required.");
            }
            else
            {
                try
                {
                    printer.Profile.Validate();
                }
                catch (OptionsValidationException e)
                {
                    failures.AddRange(e.Failures.Select(f => $"Printers['{printer.Id}'].Profile: {f}"));
                }
            }
        }

        var stationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var station in Stations)
        {
            if (station is null || string.IsNullOrWhiteSpace(station.Id))
            {
                failures.Add("Stations: every station needs an Id.");
                continue;
            }

            if (!stationIds.Add(station.Id))
            {
                failures.Add($"Stations: the Id '{station.Id}' is used twice.");
            }

            if (!ids.Contains(station.PrimaryPrinterId))
            {
                failures.Add($"Stations['{station.Id}'].PrimaryPrinterId '{station.PrimaryPrinterId}' is not a configured printer.");
            }

            if (station.BackupPrinterId is { } backup && (!ids.Contains(backup) || backup == station.PrimaryPrinterId))
            {
                failures.Add($"Stations['{station.Id}'].BackupPrinterId '{backup}' must be another configured printer.");
            }
        }

        if (AttemptsPerPrinter is < 1 or > 20)
        {
            failures.Add($"AttemptsPerPrinter must be 1–20; it is {AttemptsPerPrinter}.");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(RetryDelay), RetryDelay), (nameof(RequeueDelay), RequeueDelay), (nameof(ConnectTimeout), ConnectTimeout),
            (nameof(WriteTimeout), WriteTimeout), (nameof(StatusTimeout), StatusTimeout), (nameof(CompletionTimeout), CompletionTimeout),
            (nameof(PollInterval), PollInterval), (nameof(JobLease), JobLease),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
            {
                failures.Add($"{name} must be positive and at most one hour; it is {value}.");
            }
        }

        if (failures.Count == 0 && JobLease <= LongestRound)
        {
            failures.Add($"JobLease ({JobLease}) must be longer than the longest round these timeouts allow ({LongestRound}); otherwise a slow round would be taken for a crash.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(nameof(PrintQueueOptions), failures);
        }
    }
}
