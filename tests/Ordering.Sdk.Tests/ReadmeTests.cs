namespace Ordering.Sdk.Tests;

// The README's embedding example must be the compiled sample, word for word.
public sealed class ReadmeTests
{
    [Fact]
    public void EmbedExample_IsTheCompiledSample()
    {
        var root = RepositoryRoot();
        var sample = File.ReadAllText(Path.Combine(root, "samples", "EmbedInYourPos", "Program.cs"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        var snippet = Between(sample, "// begin-snippet: embed\n", "// end-snippet").Trim();

        Assert.Contains("```csharp\n" + snippet + "\n```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_StartsWithTheTestCommand()
    {
        var firstLines = File.ReadLines(Path.Combine(RepositoryRoot(), "README.md")).Take(15);

        Assert.Contains(firstLines, l => l.Contains("dotnet test Sdk.sln -c Release", StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_StartsWithTheDemoCommand_AndThatProjectExists()
    {
        var firstLine = File.ReadLines(Path.Combine(RepositoryRoot(), "README.md")).Skip(2).First();

        Assert.Contains("`dotnet run --project samples/DemoRestaurant`", firstLine, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), "samples", "DemoRestaurant", "DemoRestaurant.csproj")));
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "snippet markers missing from the sample");
        return text[(from + start.Length)..to];
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
