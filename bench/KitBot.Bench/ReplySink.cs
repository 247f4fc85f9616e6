using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace KitBot.Bench;

/// <summary>
/// A fake Bot Framework connector (and Slack Web API) on a real loopback Kestrel socket: accepts every activity,
/// answers 201 with an id, and timestamps what each conversation received (Stopwatch ticks).
/// </summary>
public sealed class ReplySink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<(long At, JsonObject Activity)>> _byConversation = new();
    private long _ids;
    private long _slackCalls;

    private ReplySink(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put on activities (and the base of the fake Slack API at /slack/api/).</summary>
    public string Url { get; private set; } = "";

    public long SlackCalls => Interlocked.Read(ref _slackCalls);

    public static async Task<ReplySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new ReplySink(app);

        // Both paths: KitBot posts to the conversation, botbuilder replies to the activity (replyToId).
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => sink.RecordAsync(conversationId, request));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpRequest request) => sink.RecordAsync(conversationId, request));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string activityId) => Results.Json(new { id = activityId }));
        app.MapPost("/slack/api/{method}", (string method) =>
        {
            Interlocked.Increment(ref sink._slackCalls);
            return Results.Text("""{"ok":true,"channel":"D0BENCH","ts":"1700000000.000100","message":{"ts":"1700000000.000100"}}""", "application/json");
        });
        await app.StartAsync();
        sink.Url = app.Urls.Single().TrimEnd('/');
        return sink;
    }

    /// <summary>What <paramref name="conversationId"/> has received so far (a copy).</summary>
    public IReadOnlyList<(long At, JsonObject Activity)> Received(string conversationId)
    {
        if (!_byConversation.TryGetValue(conversationId, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public int Count(string conversationId) => _byConversation.TryGetValue(conversationId, out var list) ? LockedCount(list) : 0;

    /// <summary>Every conversation and how many activities it received.</summary>
    public IReadOnlyDictionary<string, int> Counts() => _byConversation.ToDictionary(p => p.Key, p => LockedCount(p.Value));

    public void Forget(string conversationId) => _byConversation.TryRemove(conversationId, out _);

    private static int LockedCount(List<(long, JsonObject)> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private async Task<IResult> RecordAsync(string conversationId, HttpRequest request)
    {
        var activity = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
        var at = Stopwatch.GetTimestamp();
        var list = _byConversation.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            list.Add((at, activity));
        }

        return Results.Json(new { id = $"sent-{Interlocked.Increment(ref _ids)}" }, statusCode: 201);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
