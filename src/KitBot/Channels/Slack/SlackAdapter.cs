using System.Text.Json.Nodes;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Turns;
using Microsoft.Extensions.Primitives;

namespace KitBot.Channels.Slack;

/// <summary>
/// Translates between Slack and the dialog core: a verified request in, a <see cref="Turn"/> to the turn pipeline,
/// which answers through <see cref="SlackSender"/> (inline, <c>response_url</c> or the Web API). It decides nothing about practice.
/// </summary>
public sealed class SlackAdapter(
    TurnProcessor turns,
    IConversationStore store,
    TimeProvider time)
{
    /// <summary>Runs one recorded request; the pipeline delivers its replies (inline when <paramref name="inline"/> still waits).</summary>
    public async Task ProcessAsync(SlackWork work, SlackInlineReply? inline, CancellationToken cancellationToken)
    {
        // Read again exactly as the endpoint read it before recording it, on whichever instance runs it.
        var request = Read(work) ?? throw new InvalidDataException($"Slack work {work.Id} no longer reads as a turn.");
        var reference = SlackSender.Reference(request.TeamId, request.ChannelId, request.UserId, request.BotUserId, !request.IsDirect);
        await store.SaveReferenceAsync(reference, time.GetUtcNow(), cancellationToken);

        var turn = new Turn(
            new TurnUser(request.UserId),
            new TurnConversation(request.ChannelId, !request.IsDirect),
            request.Input,
            request.Timestamp);
        await turns.RunAsync(reference, turn, new SlackRoute(request.ThreadTs, request.ResponseUrl, request.Ephemeral, inline), cancellationToken);
    }

    /// <summary>The turn request a recorded payload holds, or null.</summary>
    public static SlackTurnRequest? Read(SlackWork work)
    {
        if (Security.StrictJson.Parse(work.Payload) is not JsonObject payload)
        {
            return null;
        }

        return work.Kind switch
        {
            SlackWorkKinds.Event => SlackPayloadReader.ReadEvent(payload, work.ReceivedAt).Request,
            SlackWorkKinds.Interaction => SlackPayloadReader.ReadInteraction(payload, work.ReceivedAt).Request,
            SlackWorkKinds.Command => SlackPayloadReader.ReadCommand(FormOf(payload), work.ReceivedAt).Request,
            _ => null,
        };
    }

    /// <summary>A slash command's fields as a form, from their JSON object (how they are recorded, and how Socket Mode sends them).</summary>
    public static Dictionary<string, StringValues> FormOf(JsonObject fields) =>
        fields.Where(f => f.Value is JsonValue value && value.TryGetValue<string>(out _))
            .ToDictionary(f => f.Key, f => new StringValues(f.Value!.GetValue<string>()), StringComparer.Ordinal);

    /// <summary>A form's fields as a JSON object of strings, to record.</summary>
    public static JsonObject FieldsOf(IReadOnlyDictionary<string, StringValues> form)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in form)
        {
            fields[name] = value.ToString();
        }

        return fields;
    }
}
