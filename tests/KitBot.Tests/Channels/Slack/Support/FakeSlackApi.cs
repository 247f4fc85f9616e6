using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>
/// A local Slack Web API on a real Kestrel server (127.0.0.1, a free port) that records every call and answers
/// <c>ok:true</c> like Slack, unless a test scripts another answer (an error, a 429).
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackApiCall> _calls = new();
    private readonly ConcurrentQueue<(string Method, int Status, JsonObject Body, string? RetryAfter)> _script = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ts;
    private volatile bool _holding;

    private FakeSlackApi(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>For example http://127.0.0.1:41234.</summary>
    public string Url { get; }

    /// <summary>The Web API base URL to configure (<c>Slack:ApiBaseUrl</c>).</summary>
    public string ApiBaseUrl => Url + "/api/";

    /// <summary>The websocket URL apps.connections.open hands out (a fake Socket Mode server's); null: Socket Mode is off.</summary>
    public string? SocketModeUrl { get; set; }

    /// <summary>Where fake <c>response_url</c>s live (<c>Slack:ResponseUrlPrefix</c>).</summary>
    public string ResponseUrlPrefix => Url + "/hooks/";

    public IReadOnlyList<SlackApiCall> Calls => [.. _calls];

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSlackApi? fake = null;
        app.MapPost("/api/{method}", (string method, HttpContext http) => fake!.AnswerAsync(method, http));
        app.MapPost("/hooks/{**path}", (Func<HttpContext, Task<IResult>>)(http => fake!.AnswerAsync("response_url", http)));
        await app.StartAsync();
        fake = new FakeSlackApi(app, app.Urls.First().TrimEnd('/'));
        return fake;
    }

    /// <summary>The next call to <paramref name="method"/> gets this answer instead of ok:true.</summary>
    public void Script(string method, int status, JsonObject body, string? retryAfter = null) =>
        _script.Enqueue((method, status, body, retryAfter));

    /// <summary>
    /// From now on every chat.postMessage is recorded but never answered (until the caller gives up or this fake is
    /// disposed): the message never reached Slack, as when an instance stops in the middle of sending.
    /// </summary>
    public void HoldMessages() => _holding = true;

    /// <summary>Waits, without sleeping, until the recorded calls satisfy <paramref name="condition"/>; fails at the deadline.</summary>
    public async Task<IReadOnlyList<SlackApiCall>> WaitForAsync(Func<IReadOnlyList<SlackApiCall>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var changed = _changed.Task;
            var calls = Calls;
            if (condition(calls))
            {
                return calls;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out waiting for Slack calls {what}. Calls so far:\n" +
                    string.Join("\n", calls.Select(c => $"{c.Method} {c.Json}")));
            }

            try
            {
                await changed.WaitAsync(left);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Waits for the first chat.postMessage whose JSON contains <paramref name="text"/>.</summary>
    public async Task<SlackApiCall> WaitForMessageAsync(string text, int after = 0)
    {
        var calls = await WaitForAsync(cs => cs.Skip(after).Any(c => IsPost(c, text)), $"with a message containing '{text}'");
        return calls.Skip(after).First(c => IsPost(c, text));
    }

    public static bool IsPost(SlackApiCall call, string text) =>
        call.Method == "chat.postMessage" && call.Json.Contains(text, StringComparison.Ordinal);

    private async Task<IResult> AnswerAsync(string method, HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        _calls.Enqueue(new SlackApiCall(method, http.Request.Headers.Authorization.ToString(), body, http.Request.Path));
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        if (_holding && method == "chat.postMessage")
        {
            try
            {
                await _released.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (_script.TryPeek(out var scripted) && scripted.Method == method && _script.TryDequeue(out scripted))
        {
            if (scripted.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            return Results.Text(scripted.Body.ToJsonString(), "application/json", statusCode: scripted.Status);
        }

        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        JsonObject answer = method switch
        {
            "chat.postMessage" or "chat.update" => new() { ["ok"] = true, ["channel"] = body["channel"]?.DeepClone(), ["ts"] = ts },
            "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + body["users"]?.GetValue<string>() } },
            "views.open" => new() { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + ts } },
            "apps.connections.open" => SocketModeUrl is { } socketUrl
                ? new() { ["ok"] = true, ["url"] = socketUrl + "?ticket=" + ts }
                : new() { ["ok"] = false, ["error"] = "socket_mode_not_enabled" },
            _ => new() { ["ok"] = true },
        };
        return Results.Text(answer.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
