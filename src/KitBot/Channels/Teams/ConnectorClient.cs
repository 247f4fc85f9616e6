using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Conversations;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Teams;

/// <summary>
/// The Bot Framework connector REST client (PROTOCOLS.md sections 1-2). Refuses activities over the size limit
/// before sending; sends a bearer token when an app id is set; retries throttling and transient failures
/// (<see cref="ConnectorOptions"/>); reports 403 and 404 as unreachable without retrying; never posts an activity
/// again after an attempt that timed out once the request had gone out (<see cref="ConnectorOutcome.Unconfirmed"/>):
/// a slow connector has usually taken it, and a second post would show the reply twice. It never throws for
/// what the connector or the network does, only when the caller cancels.
/// </summary>
public sealed class ConnectorClient(
    HttpClient http,
    IConnectorTokenProvider tokens,
    IOptions<TeamsOptions> teamsOptions,
    IOptions<ConnectorOptions> connectorOptions,
    TimeProvider time,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    // Responses are ids and error codes; a larger body is not worth reading.
    private const int MaxResponseBytes = 64 * 1024;

    public Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Post, reference,
            $"v3/conversations/{Uri.EscapeDataString(reference.ConversationId)}/activities", activity, cancellationToken);

    public Task<ConnectorResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Put, reference,
            $"v3/conversations/{Uri.EscapeDataString(reference.ConversationId)}/activities/{Uri.EscapeDataString(activityId)}",
            activity, cancellationToken);

    public async Task<CreateConversationResult> CreateConversationAsync(
        string serviceUrl, string botId, string userId, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);

        var parameters = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
        };
        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            parameters["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        }

        var target = $"a 1:1 chat with {userId}";
        // Idempotent: Teams answers with the same 1:1 chat however often it is asked.
        var delivery = await DeliverAsync(HttpMethod.Post, serviceUrl, "v3/conversations",
            JsonSerializer.SerializeToUtf8Bytes(parameters, BotFrameworkJson.Options), target, idempotent: true, cancellationToken);
        if (delivery.Outcome != ConnectorOutcome.Sent)
        {
            return new CreateConversationResult(delivery.Outcome, StatusCode: delivery.StatusCode);
        }

        if (StringProperty(delivery.Body, "id") is not { } conversationId)
        {
            Log.ConnectorAnswerWithoutId(logger, target, delivery.StatusCode);
            return new CreateConversationResult(ConnectorOutcome.Failed, StatusCode: delivery.StatusCode);
        }

        return new CreateConversationResult(ConnectorOutcome.Sent, conversationId,
            StringProperty(delivery.Body, "serviceUrl") ?? serviceUrl, delivery.StatusCode);
    }

    private async Task<ConnectorResult> SendActivityAsync(
        HttpMethod method, ConversationReference reference, string path, Activity activity, CancellationToken cancellationToken)
    {
        // Checked before anything goes out: a message cut short or rejected with 413 half-way through a reply
        // would leave the user with part of an answer.
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJson.Options);
        var limit = teamsOptions.Value.MaxOutgoingActivityBytes;
        if (body.Length > limit)
        {
            Log.ActivityTooLarge(logger, reference.Key, body.Length, limit);
            return new ConnectorResult(ConnectorOutcome.TooLarge);
        }

        // A PUT replaces the same message however often it arrives; a POST adds one each time.
        var delivery = await DeliverAsync(method, reference.ServiceUrl, path, body, reference.Key, idempotent: method == HttpMethod.Put, cancellationToken);
        return new ConnectorResult(delivery.Outcome, StringProperty(delivery.Body, "id"), delivery.StatusCode);
    }

    /// <summary>One connector call with its retries.</summary>
    private async Task<Delivery> DeliverAsync(
        HttpMethod method, string serviceUrl, string path, byte[] body, string target, bool idempotent, CancellationToken cancellationToken)
    {
        var options = connectorOptions.Value;
        var withToken = !teamsOptions.Value.IsAnonymous;
        if (!TryBuildUri(serviceUrl, path, withToken, out var uri))
        {
            Log.ConnectorServiceUrlRefused(logger, target, serviceUrl);
            return new Delivery(ConnectorOutcome.Failed, null, null);
        }

        var started = time.GetTimestamp();
        var attempts = 0;
        var forceRefresh = false;
        var refreshed = false;
        while (true)
        {
            var remaining = options.TotalBudget - time.GetElapsedTime(started);
            var attempt = await AttemptAsync(method, uri, body, withToken, forceRefresh,
                remaining < options.AttemptTimeout ? remaining : options.AttemptTimeout, idempotent, cancellationToken);
            forceRefresh = false;

            switch (attempt.Kind)
            {
                case AttemptKind.Delivered:
                    return new Delivery(ConnectorOutcome.Sent, attempt.StatusCode, attempt.Body);

                case AttemptKind.Unauthorized when withToken && !refreshed:
                    // The token may have been revoked or the secret rotated before MSAL's cached expiry:
                    // one fresh token and one more try; a second 401 is final.
                    Log.ConnectorTokenRejected(logger, target);
                    refreshed = forceRefresh = true;
                    continue;

                case AttemptKind.Unreachable:
                    Log.ConnectorFailed(logger, target, attempt.Reason);
                    return new Delivery(ConnectorOutcome.Unreachable, attempt.StatusCode, null);

                case AttemptKind.Unconfirmed:
                    Log.ConnectorUnconfirmed(logger, target, (long)options.AttemptTimeout.TotalMilliseconds);
                    return new Delivery(ConnectorOutcome.Unconfirmed, null, null);

                case AttemptKind.Unauthorized or AttemptKind.Final:
                    Log.ConnectorFailed(logger, target, attempt.Reason);
                    return new Delivery(ConnectorOutcome.Failed, attempt.StatusCode, null);
            }

            attempts++;
            if (attempts >= options.MaxAttempts)
            {
                Log.ConnectorGaveUp(logger, target, attempts, attempt.Reason);
                return new Delivery(ConnectorOutcome.Failed, attempt.StatusCode, null);
            }

            var delay = attempt.RetryAfter ?? Backoff(attempts, options);
            if (time.GetElapsedTime(started) + delay >= options.TotalBudget)
            {
                Log.ConnectorOutOfTime(logger, target, attempts, attempt.Reason, (long)delay.TotalMilliseconds);
                return new Delivery(ConnectorOutcome.Failed, attempt.StatusCode, null);
            }

            Log.ConnectorRetrying(logger, target, attempt.Reason, attempts, options.MaxAttempts, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>One HTTP request, classified. Only the caller's cancellation escapes as an exception.</summary>
    private async Task<Attempt> AttemptAsync(
        HttpMethod method, Uri uri, byte[] body, bool withToken, bool forceRefresh, TimeSpan timeout, bool idempotent, CancellationToken cancellationToken)
    {
        var requestSent = false;
        if (timeout <= TimeSpan.Zero)
        {
            return Attempt.Transient(null, "out of time");
        }

        // The timeout runs on the injected clock, so tests drive it with FakeTimeProvider.
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            if (withToken)
            {
                request.Headers.Authorization = new("Bearer", await tokens.GetTokenAsync(forceRefresh, linked.Token));
            }

            requestSent = true;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            var json = await ReadJsonAsync(response, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                // Delivered as soon as the status says so: an unreadable body must never turn into a retry,
                // which would post the message twice.
                return new Attempt(AttemptKind.Delivered, status, json, null, status.ToString());
            }

            var reason = ErrorCode(json) is { } code ? $"{status} {code}" : status.ToString();
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new Attempt(AttemptKind.Unauthorized, status, null, null, reason),
                HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new Attempt(AttemptKind.Unreachable, status, null, null, reason),
                HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
                    or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                    => new Attempt(AttemptKind.Transient, status, null, RetryAfter(response), reason),
                _ => new Attempt(AttemptKind.Final, status, null, null, reason),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out waiting for the answer to a post that went out: it may well have arrived.
            return requestSent && !idempotent
                ? new Attempt(AttemptKind.Unconfirmed, null, null, null, "timeout")
                : Attempt.Transient(null, "timeout");
        }
        catch (HttpRequestException e)
        {
            return Attempt.Transient(e.StatusCode is { } s ? (int)s : null, $"network error {e.HttpRequestError}");
        }
        catch (ConnectorTokenException e)
        {
            var reason = $"no token ({e.ErrorCode})";
            return e.IsTransient ? Attempt.Transient(null, reason) : new Attempt(AttemptKind.Final, null, null, null, reason);
        }
    }

    /// <summary>Full jitter: a random wait between zero and the exponential ceiling, so many senders spread out.</summary>
    private static TimeSpan Backoff(int attempts, ConnectorOptions options)
    {
        var ceiling = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * Math.Pow(2, attempts - 1));
        return TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * ceiling));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static bool TryBuildUri(string serviceUrl, string path, bool withToken, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        // A bearer token travels only over https, or to this machine (the Agents Playground, tests).
        if (withToken && baseUri.Scheme != Uri.UriSchemeHttps && !baseUri.IsLoopback)
        {
            return false;
        }

        uri = new Uri(baseUri, path);
        return true;
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            if (response.Content.Headers.ContentLength is > MaxResponseBytes)
            {
                return null;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length is 0 or > MaxResponseBytes ? null : JsonSerializer.Deserialize<JsonElement>(bytes);
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or OperationCanceledException or IOException)
        {
            // The body only adds an id or an error code; the status already decided what happened.
            return null;
        }
    }

    private static string? StringProperty(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // Errors come as {error:{code, message}}; the code is safe to log, the message may quote content.
    private static string? ErrorCode(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("error", out var error)
            ? StringProperty(error, "code")
            : null;

    private enum AttemptKind
    {
        Delivered,
        Unauthorized,
        Unreachable,
        Unconfirmed,
        Transient,
        Final,
    }

    private readonly record struct Attempt(AttemptKind Kind, int? StatusCode, JsonElement? Body, TimeSpan? RetryAfter, string Reason)
    {
        public static Attempt Transient(int? statusCode, string reason) => new(AttemptKind.Transient, statusCode, null, null, reason);
    }

    private readonly record struct Delivery(ConnectorOutcome Outcome, int? StatusCode, JsonElement? Body);
}
