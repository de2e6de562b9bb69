using System.Collections.Concurrent;
using System.Threading.Channels;

namespace DemoRestaurant.Live;

/// <summary>
/// Fan-out of small "something changed" messages to server-sent-event subscribers by topic
/// ("table:T05", "kds", "dashboard"). Subscribers re-read state over the API, so a dropped message
/// costs a refresh, never a wrong screen; each subscriber's queue is bounded and drops the oldest.
/// </summary>
internal sealed class LiveHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<string>>> _topics = new(StringComparer.Ordinal);

    public void Publish(string topic, string data)
    {
        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var channel in subscribers.Values)
            {
                channel.Writer.TryWrite(data);
            }
        }
    }

    public async Task StreamAsync(HttpContext context, string topic, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        var subscribers = _topics.GetOrAdd(topic, _ => new ConcurrentDictionary<Guid, Channel<string>>());
        subscribers[id] = channel;
        try
        {
            context.Response.Headers.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            await context.Response.WriteAsync("event: hello\ndata: {}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            using var heartbeat = new PeriodicTimer(TimeSpan.FromSeconds(15));
            var beat = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
            var read = channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
            while (!cancellationToken.IsCancellationRequested)
            {
                var done = await Task.WhenAny(read, beat);
                if (done == beat)
                {
                    await beat;
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    beat = heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
                }
                else if (!await read)
                {
                    break;
                }
                else
                {
                    read = channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
                }

                while (channel.Reader.TryRead(out var message))
                {
                    await context.Response.WriteAsync("data: " + message + "\n\n", cancellationToken);
                }

                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away or the host is stopping.
        }
        finally
        {
            subscribers.TryRemove(id, out _);
        }
    }
}
