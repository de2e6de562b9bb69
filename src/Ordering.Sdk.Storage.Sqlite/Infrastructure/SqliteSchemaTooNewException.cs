namespace Ordering.Sdk.Storage.Sqlite;

/// <summary>Thrown when a database file was written by a newer version of the SDK than the one opening it.</summary>
/// <remarks>Nothing is changed in the file: upgrade the SDK, or open a copy made before the upgrade.</remarks>
public sealed class SqliteSchemaTooNewException : OrderingSdkException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="filePath">The database file.</param>
    /// <param name="component">The component whose schema is too new.</param>
    /// <param name="foundVersion">The version found in the file.</param>
    /// <param name="supportedVersion">The newest version this code supports.</param>
    public SqliteSchemaTooNewException(string filePath, string component, int foundVersion, int supportedVersion)
        : base($"The database '{filePath}' has schema version {foundVersion} for '{component}', but this version of the SDK supports at most {supportedVersion}. Upgrade the SDK; the file was not changed.")
    {
        FilePath = filePath;
        Component = component;
        FoundVersion = foundVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>Gets the database file.</summary>
    public string FilePath { get; }

    /// <summary>Gets the component.</summary>
    public string Component { get; }

    /// <summary>Gets the version found in the file.</summary>
    public int FoundVersion { get; }

    /// <summary>Gets the newest supported version.</summary>
    public int SupportedVersion { get; }
}
