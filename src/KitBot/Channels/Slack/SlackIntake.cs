using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace KitBot.Channels.Slack;

/// <summary>
/// What happens to a Slack request once its transport has authenticated it, the same for the HTTP endpoints (after
/// the signature check) and Socket Mode (whose websocket the app token authenticated): read the payload, check its
/// team, apply the rate limit and de-duplication, and record the work before it is acknowledged.
/// </summary>
public sealed class SlackIntake(SlackServices services, SlackSender sender, Security.TurnRateLimiter rateLimiter)
{
    /// <summary>An Events API envelope. <paramref name="accepts"/> says whether the payload's team may be served.</summary>
    public async Task<SlackIntakeResult> EventAsync(JsonObject envelope, Func<string?, bool> accepts, CancellationToken cancellationToken)
    {
        var inbound = SlackPayloadReader.ReadEvent(envelope, services.Time.GetUtcNow());
        if (inbound.Problem is not null)
        {
            return Malformed(inbound.Problem);
        }

        if (inbound.Challenge is not null)
        {
            // url_verification names no team; an authenticated request from a configured app is enough.
            return new SlackIntakeResult(SlackIntakeOutcome.Challenge, inbound.Challenge);
        }

        if (!Accepts(accepts, inbound))
        {
            return new SlackIntakeResult(SlackIntakeOutcome.Refused);
        }

        if (inbound.Request is null)
        {
            Log.SlackIgnored(services.Logger, "event", inbound.Ignored ?? "");
            return SlackIntakeResult.Ok;
        }

        // Before de-duplication, so Slack's retry of a refused event is not taken for a repeat.
        if (!rateLimiter.TryAcquire(UserKey(inbound.Request)))
        {
            return new SlackIntakeResult(SlackIntakeOutcome.TooMany);
        }

        if (inbound.EventId is { Length: > 0 } eventId && !await services.Deduplicator.TryBeginAsync(eventId, cancellationToken))
        {
            Log.SlackDuplicateEvent(services.Logger, Security.LogValue.Id(eventId));
            return SlackIntakeResult.Ok;
        }

        bool taken;
        try
        {
            taken = await services.Queue.TryEnqueueAsync(inbound.Request, SlackWorkKinds.Event, envelope, null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not recorded (the database failed): Slack's retry must not be taken for a repeat.
            await ForgetAsync(inbound.EventId);
            throw;
        }

        if (!taken)
        {
            // Not taken: let Slack's retry bring it again.
            await ForgetAsync(inbound.EventId);
            Log.SlackQueueFull(services.Logger);
            return new SlackIntakeResult(SlackIntakeOutcome.Busy);
        }

        return SlackIntakeResult.Ok;
    }

    /// <summary>An interaction payload (a button, a modal submission).</summary>
    public async Task<SlackIntakeResult> InteractionAsync(JsonObject payload, Func<string?, bool> accepts, CancellationToken cancellationToken)
    {
        var inbound = SlackPayloadReader.ReadInteraction(payload, services.Time.GetUtcNow());
        if (inbound.Problem is not null)
        {
            return Malformed(inbound.Problem);
        }

        if (!Accepts(accepts, inbound))
        {
            return new SlackIntakeResult(SlackIntakeOutcome.Refused);
        }

        if (inbound.OpenForm is { } open)
        {
            // The trigger_id lasts about 3 seconds: the modal opens here, before the acknowledgement, not on the queue.
            await sender.OpenFormAsync(open, cancellationToken);
            return SlackIntakeResult.Ok;
        }

        if (inbound.Request is null)
        {
            Log.SlackIgnored(services.Logger, "interaction", inbound.Ignored ?? "");
            return SlackIntakeResult.Ok;
        }

        if (!rateLimiter.TryAcquire(UserKey(inbound.Request)))
        {
            return new SlackIntakeResult(SlackIntakeOutcome.TooMany);
        }

        if (!await services.Queue.TryEnqueueAsync(inbound.Request, SlackWorkKinds.Interaction, payload, null, cancellationToken))
        {
            Log.SlackQueueFull(services.Logger);
            return new SlackIntakeResult(SlackIntakeOutcome.Busy);
        }

        // An empty acknowledgement acknowledges a click and closes a submitted modal.
        return SlackIntakeResult.Ok;
    }

    /// <summary>A slash command; answered inline when the turn is quick, otherwise later through <c>response_url</c>.</summary>
    public async Task<SlackIntakeResult> CommandAsync(IReadOnlyDictionary<string, StringValues> form, Func<string?, bool> accepts, CancellationToken cancellationToken)
    {
        var inbound = SlackPayloadReader.ReadCommand(form, services.Time.GetUtcNow());
        if (inbound.Problem is not null)
        {
            return Malformed(inbound.Problem);
        }

        if (!Accepts(accepts, inbound))
        {
            return new SlackIntakeResult(SlackIntakeOutcome.Refused);
        }

        var request = inbound.Request!;
        if (!rateLimiter.TryAcquire(UserKey(request)))
        {
            return new SlackIntakeResult(SlackIntakeOutcome.TooMany);
        }

        var inline = new SlackInlineReply();
        if (!await services.Queue.TryEnqueueAsync(request, SlackWorkKinds.Command, SlackAdapter.FieldsOf(form), inline, cancellationToken))
        {
            Log.SlackQueueFull(services.Logger);
            return Answer(Ephemeral("KitBot is busy just now. Please try again in a moment."));
        }

        // The answer comes in this response when the turn is quick; otherwise the worker sends it to response_url.
        var replies = await inline.WaitAsync(services.Options.CommandAnswerBudget, services.Time, cancellationToken);
        if (replies is null)
        {
            services.Queue.Abandon(inline);
            Log.SlackCommandAnsweredLater(services.Logger, request.TeamId, request.ChannelId);
            return Answer(Ephemeral("Working on it…"));
        }

        var (response, rest) = sender.CommandResponse(replies);
        if (rest.Count > 0 && request.ResponseUrl is { } responseUrl)
        {
            // More than one message holds: the rest follows through response_url, after this response.
            _ = Task.Run(() => sender.SendEphemeralAsync(responseUrl, rest, CancellationToken.None), CancellationToken.None);
        }

        return Answer(response);
    }

    private async Task ForgetAsync(string? eventId)
    {
        if (eventId is { Length: > 0 })
        {
            // Not the request's token: the acknowledgement may be cancelled, and the id must still be forgotten.
            await services.Deduplicator.ForgetAsync(eventId, CancellationToken.None);
        }
    }

    private static string UserKey(SlackTurnRequest request) => $"slack:{request.TeamId}:{request.UserId}";

    private bool Accepts(Func<string?, bool> accepts, SlackInbound inbound)
    {
        if (accepts(inbound.TeamId))
        {
            return true;
        }

        Log.SlackTeamRefused(services.Logger, Security.LogValue.Id(inbound.TeamId));
        return false;
    }

    private SlackIntakeResult Malformed(string problem)
    {
        Log.SlackMalformed(services.Logger, problem);
        return new SlackIntakeResult(SlackIntakeOutcome.Malformed, problem);
    }

    private static SlackIntakeResult Answer(JsonObject body) => new(SlackIntakeOutcome.Answer, Body: body);

    private static JsonObject Ephemeral(string text) => new() { ["response_type"] = "ephemeral", ["text"] = text };
}
