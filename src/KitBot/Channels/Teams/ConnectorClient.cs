using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KitBot.Conversations;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Teams;

/// <summary>The Bot Framework connector REST client (PROTOCOLS.md section 1).</summary>
public sealed class ConnectorClient(HttpClient http, IOptions<TeamsOptions> options, ILogger<ConnectorClient> logger) : IConnectorClient
{
    public Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, reference, $"v3/conversations/{Uri.EscapeDataString(reference.ConversationId)}/activities", activity, cancellationToken);

    public Task<ConnectorResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, reference,
            $"v3/conversations/{Uri.EscapeDataString(reference.ConversationId)}/activities/{Uri.EscapeDataString(activityId)}",
            activity, cancellationToken);

    private async Task<ConnectorResult> CallAsync(HttpMethod method, ConversationReference reference, string path, Activity activity, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJson.Options);
        if (body.Length > options.Value.MaxOutgoingActivityBytes)
        {
            Log.ActivityTooLarge(logger, reference.Key, body.Length, options.Value.MaxOutgoingActivityBytes);
            return new ConnectorResult(ConnectorOutcome.TooLarge);
        }

        var uri = new Uri(new Uri(reference.ServiceUrl.TrimEnd('/') + "/"), path);
        using var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var id = response.Content.Headers.ContentLength == 0 ? null
                : (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).TryGetProperty("id", out var v) ? v.GetString() : null;
            return new ConnectorResult(ConnectorOutcome.Sent, id, (int)response.StatusCode);
        }

        Log.ConnectorFailed(logger, reference.Key, (int)response.StatusCode);
        return response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            ? new ConnectorResult(ConnectorOutcome.Unreachable, null, (int)response.StatusCode)
            : new ConnectorResult(ConnectorOutcome.Failed, null, (int)response.StatusCode);
    }
}
