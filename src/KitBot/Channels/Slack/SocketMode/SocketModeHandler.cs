using System.Text.Json.Nodes;

namespace KitBot.Channels.Slack.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into what the HTTP endpoints would have done with the same payload (the same
/// <see cref="SlackIntake"/>) and the acknowledgement to send back. No signature here: the websocket was opened with
/// the app-level token; the payload's team must still be a configured workspace.
/// </summary>
public sealed class SocketModeHandler(SlackIntake intake, SlackServices services)
{
    /// <summary>The envelope types that carry a payload and want an acknowledgement.</summary>
    public const string EventsApi = "events_api", Interactive = "interactive", SlashCommands = "slash_commands";

    /// <summary>
    /// Handles an envelope; returns the acknowledgement (<c>{"envelope_id": ...}</c>, with a <c>payload</c> for a slash
    /// command's immediate answer), or null when it must not be acknowledged (the queue was full: Slack sends it again).
    /// </summary>
    public async Task<JsonObject?> HandleAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        if (envelope["envelope_id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0)
        {
            Log.SlackMalformed(services.Logger, "a Socket Mode envelope without an envelope_id");
            return null;
        }

        var ack = new JsonObject { ["envelope_id"] = id };
        var type = envelope["type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : "";
        if (envelope["payload"] is not JsonObject payload)
        {
            Log.SlackMalformed(services.Logger, "a Socket Mode envelope without a payload object");
            return ack;
        }

        // Slack sends an envelope again when its acknowledgement did not arrive (a dropped socket): taken once.
        var key = "envelope:" + id;
        if (!await services.Deduplicator.TryBeginAsync(key, cancellationToken))
        {
            Log.SlackDuplicateEvent(services.Logger, Security.LogValue.Id(id));
            return ack;
        }

        bool Accepts(string? team) => services.Workspaces.Find(team) is not null;
        SlackIntakeResult result;
        try
        {
            result = type switch
            {
                EventsApi => await intake.EventAsync(payload, Accepts, cancellationToken),
                Interactive => await intake.InteractionAsync(payload, Accepts, cancellationToken),
                SlashCommands => await intake.CommandAsync(SlackAdapter.FormOf(payload), Accepts, cancellationToken),
                _ => SlackIntakeResult.Ok,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not acknowledged: when Slack sends it again it must be taken, not skipped as a repeat.
            await services.Deduplicator.ForgetAsync(key, CancellationToken.None);
            throw;
        }

        switch (result.Outcome)
        {
            case SlackIntakeOutcome.Busy:
                // Nothing recorded: no acknowledgement, so Slack sends it again.
                await services.Deduplicator.ForgetAsync(key, CancellationToken.None);
                return null;
            case SlackIntakeOutcome.Answer:
                ack["payload"] = result.Body!.DeepClone();
                return ack;
            default:
                return ack;
        }
    }
}
