using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// The few Slack Web API methods KitBot uses (PROTOCOLS.md section 5), against a configurable base URL. <c>ok:false</c>
/// is thrown as <see cref="SlackApiException"/> with Slack's error code; 429 is retried after <c>Retry-After</c> on
/// the injected clock; <c>chat.postMessage</c> is paced per channel.
/// </summary>
public sealed class SlackWebApiClient(
    HttpClient http,
    SlackChannelPacer pacer,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackWebApiClient> logger)
{
    /// <summary>Posts a message; returns its <c>ts</c>.</summary>
    public async Task<string?> PostMessageAsync(string token, string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        await pacer.WaitAsync(channel, cancellationToken);
        var response = await CallAsync(token, "chat.postMessage", body, cancellationToken);
        return response["ts"]?.GetValue<string>();
    }

    /// <summary>Replaces a message's text and blocks.</summary>
    public async Task UpdateMessageAsync(string token, string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = MessageBody(message);
        body["channel"] = channel;
        body["ts"] = ts;
        await CallAsync(token, "chat.update", body, cancellationToken);
    }

    /// <summary>Opens (or finds) the direct message channel with a user; returns its id (<c>D...</c>).</summary>
    public async Task<string> OpenConversationAsync(string token, string userId, CancellationToken cancellationToken)
    {
        var response = await CallAsync(token, "conversations.open", new JsonObject { ["users"] = userId }, cancellationToken);
        return response["channel"]?["id"]?.GetValue<string>()
            ?? throw new SlackApiException("conversations.open", "no_channel_in_response");
    }

    /// <summary>Opens a modal for a <c>trigger_id</c> (valid about 3 seconds after the click); returns the view id.</summary>
    public async Task<string?> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        var response = await CallAsync(token, "views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);
        return response["view"]?["id"]?.GetValue<string>();
    }

    /// <summary>Posts to an interaction's or command's <c>response_url</c> (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(responseUrl, null, body, "response_url", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    /// <summary>Calls a Web API method with a JSON body; returns the response when <c>ok</c> is true.</summary>
    public async Task<JsonObject> CallAsync(string token, string method, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new Uri(method, UriKind.Relative), token, body, method, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var code = response.StatusCode == HttpStatusCode.TooManyRequests ? "ratelimited" : $"http_{(int)response.StatusCode}";
            Log.SlackApiFailed(logger, method, code);
            throw new SlackApiException(method, code);
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            Log.SlackApiFailed(logger, method, "invalid_response");
            throw new SlackApiException(method, "invalid_response");
        }

        if (json["ok"] is JsonValue ok && ok.GetValueKind() == JsonValueKind.True)
        {
            return json;
        }

        var error = json["error"] is JsonValue e && e.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : "unknown_error";
        Log.SlackApiFailed(logger, method, error);
        throw new SlackApiException(method, error);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, string? token, JsonObject body, string method, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= options.Value.MaxRetries)
            {
                return response;
            }

            var wait = RetryAfter(response);
            response.Dispose();
            Log.SlackRateLimited(logger, method, wait.TotalSeconds, attempt + 1);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(1));
        // Never spin, never wait absurdly long on a bad header.
        return wait < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromSeconds(1) : wait > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : wait;
    }

    private static JsonObject MessageBody(SlackMessage message)
    {
        var body = new JsonObject { ["text"] = message.Text };
        if (message.Blocks.Count > 0)
        {
            body["blocks"] = message.Blocks.DeepClone();
        }

        return body;
    }
}
