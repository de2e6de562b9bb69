using System.Net.Http;
using System.Text;
using Xunit;

namespace Ordering.Sdk.Testing.Tests.Sandboxes;

public sealed class LoopbackHttpServerTests
{
    [Fact]
    public async Task Request_BodyHeadersAndPath_ReachTheHandlerAndTheAnswerComesBack()
    {
        LoopbackHttpRequest? seen = null;
        await using var server = LoopbackHttpServer.Start((request, _) =>
        {
            seen = request;
            return ValueTask.FromResult(new LoopbackHttpResponse(201, Encoding.UTF8.GetBytes("{\"ok\":true}"), Headers: new Dictionary<string, string> { ["Request-ID"] = "r-1" }));
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new StringContent("{\"a\":\"支付\"}", Encoding.UTF8, "application/json");
        content.Headers.Add("X-Sign", "abc");

        using var response = await client.PostAsync(new Uri("v3/pay/transactions/native?x=1", UriKind.Relative), content);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("r-1", response.Headers.GetValues("Request-ID").Single());
        Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync());
        Assert.NotNull(seen);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/v3/pay/transactions/native", seen.Path);
        Assert.Equal("x=1", seen.Query);
        Assert.Equal("abc", seen.Header("x-sign"));
        Assert.Equal("{\"a\":\"支付\"}", Encoding.UTF8.GetString(seen.Body));
    }

    [Fact]
    public async Task Response_DropConnection_RunsTheHandlerButTheClientGetsNoAnswer()
    {
        var handled = 0;
        await using var server = LoopbackHttpServer.Start((_, _) =>
        {
            Interlocked.Increment(ref handled);
            return ValueTask.FromResult(LoopbackHttpResponse.Dropped);
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("query", UriKind.Relative)));
        Assert.Equal(1, Volatile.Read(ref handled));
    }

    [Fact]
    public async Task Request_ChunkedBody_IsReassembled()
    {
        byte[]? body = null;
        await using var server = LoopbackHttpServer.Start((request, _) =>
        {
            body = request.Body;
            return ValueTask.FromResult(new LoopbackHttpResponse(200, []));
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var payload = Enumerable.Range(0, 20_000).Select(i => (byte)(i % 251)).ToArray();
        using var content = new StreamContent(new NonSeekableStream(payload));

        using var response = await client.PostAsync(new Uri("upload", UriKind.Relative), content);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(payload, body);
    }

    [Fact]
    public async Task Handler_Throws_AnswersInternalServerError()
    {
        await using var server = LoopbackHttpServer.Start((_, _) => throw new InvalidOperationException("boom"));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync(new Uri("x", UriKind.Relative));

        Assert.Equal(500, (int)response.StatusCode);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
