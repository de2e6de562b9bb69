using Ordering.Sdk.Devices.Tests.EscPos;

namespace Ordering.Sdk.Devices.Tests.Layouts;

public sealed class LayoutSnapshotTests
{
    public static TheoryData<string> Documents => [.. SnapshotDocuments.Names];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Write_Document_MatchesTheSnapshotByteForByte(string name)
    {
        var expected = Convert.FromHexString(string.Concat(LayoutSnapshots.Hex[name].Where(c => !char.IsWhiteSpace(c))));

        var actual = SnapshotDocuments.Render(name);

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Write_IntoSpansOfExactlyTheRequestedSize_LosesNoByte(string name)
    {
        var output = new ExactSpanBufferWriter();

        SnapshotDocuments.Render(name, output);

        Assert.Equal(Convert.ToHexString(SnapshotDocuments.Render(name)), Convert.ToHexString(output.Written));
    }

    [Fact]
    public void Snapshots_CoverEveryDocument()
    {
        Assert.Equal(SnapshotDocuments.Names.Order(StringComparer.Ordinal), LayoutSnapshots.Hex.Keys.Order(StringComparer.Ordinal));
    }
}
