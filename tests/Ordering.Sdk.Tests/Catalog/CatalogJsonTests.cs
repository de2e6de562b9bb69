using System.Text.Json;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Serialization;

namespace Ordering.Sdk.Tests.Catalog;

public sealed class CatalogJsonTests
{
    [Fact]
    public void SerializeCatalog_RoundTrip_IsLossless()
    {
        var json = PricingJson.SerializeCatalog(TestMenu.Definition());

        var back = PricingJson.DeserializeCatalog(json);

        Assert.Equal(json, PricingJson.SerializeCatalog(back));
        var catalog = MenuCatalog.Create(back);
        Assert.True(catalog.TryGetSku("beer", out _, out var beer));
        Assert.Equal(new TimeOnly(17, 0), beer.TimePrices[0].Window.Start);
        Assert.True(catalog.TryGetSku("fish-l", out _, out var fish));
        Assert.Equal(SalesChannel.Delivery, fish.ChannelPrices[0].Channel);
        Assert.Contains("\"kind\":\"Weighed\"", json, StringComparison.Ordinal);
        Assert.Equal("宫保鸡丁", JsonDocument.Parse(json).RootElement.GetProperty("items")[0].GetProperty("name").GetProperty("zhCn").GetString());
    }

    [Fact]
    public void DeserializeCatalog_MissingRequiredField_ThrowsJsonException()
    {
        var ex = Assert.Throws<JsonException>(() => PricingJson.DeserializeCatalog("""{"items":[{"id":"a"}]}"""));

        Assert.Contains("name", ex.Message, StringComparison.Ordinal);
    }
}
