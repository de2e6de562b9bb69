using System.Reflection;

namespace Ordering.Sdk.Testing.Tests.Architecture;

// The dependency arrows of DESIGN.md, checked on the compiled assemblies: a reference that points the
// wrong way, or a package nobody agreed to, fails here rather than in an integrator's build.
public sealed class PackageDependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Ordering.Sdk"] = ["Microsoft.Extensions.DependencyInjection.Abstractions"],
        ["Ordering.Sdk.Payments"] = ["Ordering.Sdk", "Polly.Core", "Microsoft.Extensions.DependencyInjection.Abstractions"],
        ["Ordering.Sdk.Devices"] = ["Ordering.Sdk", "Polly.Core", "Microsoft.Extensions.DependencyInjection.Abstractions"],
        ["Ordering.Sdk.Storage.Sqlite"] = ["Ordering.Sdk", "Ordering.Sdk.Payments", "Ordering.Sdk.Devices", "Microsoft.Data.Sqlite", "Microsoft.Extensions.DependencyInjection.Abstractions"],
        ["Ordering.Sdk.Testing"] = ["Ordering.Sdk", "Ordering.Sdk.Payments", "Ordering.Sdk.Devices", "Ordering.Sdk.Storage.Sqlite", "Polly.Core", "Microsoft.Data.Sqlite", "Microsoft.Extensions.DependencyInjection.Abstractions"],
    };

    public static TheoryData<string> Packages => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_ReferencesOnlyTheBclAndItsAllowedDependencies(string package)
    {
        var assembly = Assembly.Load(package);

        var unexpected = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !IsFrameworkAssembly(name) && !Allowed[package].Contains(name, StringComparer.Ordinal))
            .ToList();

        Assert.True(unexpected.Count == 0, $"{package} references {string.Join(", ", unexpected)}, which DESIGN.md does not allow.");
    }

    [Fact]
    public void EveryShippedAssembly_IsCoveredByThisTest()
    {
        var loaded = typeof(PackageDependencyTests).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Ordering.Sdk", StringComparison.Ordinal) && !n.EndsWith(".Tests", StringComparison.Ordinal));

        Assert.All(loaded, name => Assert.Contains(name, Allowed.Keys));
    }

    private static bool IsFrameworkAssembly(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
