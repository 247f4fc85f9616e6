using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KitBot.Tests.Support;

/// <summary>
/// A Bot Framework connector on a real Kestrel server at 127.0.0.1 that records every activity posted to it and
/// answers with a status the test chooses (201 unless told otherwise), so delivery is counted on the wire.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private FakeConnector(WebApplication app, string url)
    {
        _app = app;
        ServiceUrl = url;
    }

    /// <summary>The serviceUrl to store in conversation references.</summary>
    public string ServiceUrl { get; }

    /// <summary>Every POST received, in order (including refused ones).</summary>
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    /// <summary>The activities accepted (answered 2xx).</summary>
    public IReadOnlyList<ConnectorCall> Delivered => Calls.Where(c => c.Status is >= 200 and < 300).ToList();

    /// <summary>Awaited after a post is recorded and before it is answered (a slow connector); none by default.</summary>
    public Func<Task>? Delay { get; set; }

    /// <summary>Chooses the status for the n-th call (0-based) to a conversation; 201 by default.</summary>
    public Func<int, string, int> Respond { get; set; } = (_, _) => 201;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeConnector? self = null;
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var n = Interlocked.Increment(ref self!._calls) - 1;
            var status = self.Respond(n, conversationId);
            self.Calls.Enqueue(new ConnectorCall(conversationId, status, body as JsonObject ?? []));
            if (self.Delay is { } delay)
            {
                await delay();
            }

            return status is >= 200 and < 300
                ? Results.Json(new { id = $"activity-{n}" }, statusCode: status)
                : Results.Json(new { error = new { code = status == 403 ? "MessageWritesBlocked" : "Throttled", message = "refused" } }, statusCode: status);
        });
        // Opening a 1:1 chat (POST /v3/conversations): answers with the personal chat's id for the member.
        app.MapPost("/v3/conversations", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var member = body?["members"]?[0]?["id"]?.GetValue<string>() ?? "unknown";
            return Results.Json(new { id = $"personal-{member}" }, statusCode: 201);
        });

        // Updates in place (a request card refreshed after a claim): recorded like posts, with the activity id replaced.
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var n = Interlocked.Increment(ref self!._calls) - 1;
            var status = self.Respond(n, conversationId);
            self.Calls.Enqueue(new ConnectorCall(conversationId, status, body as JsonObject ?? [], "PUT", activityId));
            return status is >= 200 and < 300
                ? Results.Json(new { id = activityId }, statusCode: 200)
                : Results.Json(new { error = new { code = "Throttled", message = "refused" } }, statusCode: status);
        });
        await app.StartAsync();
        var address = app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        self = new FakeConnector(app, address);
        return self;
    }

    /// <summary>Waits, polling with a deadline, until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out after {deadline} waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One activity the fake connector received.</summary>
public sealed record ConnectorCall(string ConversationId, int Status, JsonObject Activity, string Method = "POST", string? UpdatedActivityId = null)
{
    /// <summary>The first Adaptive Card's JSON, or empty.</summary>
    public string CardJson => Activity["attachments"]?[0]?["content"]?.ToJsonString() ?? "";
}
