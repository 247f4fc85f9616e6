using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KitBot.EndToEnd.Support;

/// <summary>
/// A Bot Framework connector on a real loopback socket that accepts every activity and records it, so a test
/// can see exactly what KitBot sent (and that it sent nothing).
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    private RecordingConnector(WebApplication app) => _app = app;

    /// <summary>The activities received, with the conversation they were posted to.</summary>
    public ConcurrentQueue<(string ConversationId, JsonObject Activity)> Received { get; } = new();

    /// <summary>The serviceUrl to put on activities so KitBot replies here.</summary>
    public string ServiceUrl { get; private set; } = "";

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpRequest request) =>
        {
            var activity = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            connector.Received.Enqueue((conversationId, activity));
            return Results.Json(new { id = $"sent-{Interlocked.Increment(ref connector._ids)}" }, statusCode: 201);
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.Single();
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
