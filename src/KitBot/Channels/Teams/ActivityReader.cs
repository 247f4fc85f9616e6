using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KitBot.Cards;
using KitBot.Dialogs.Turns;

namespace KitBot.Channels.Teams;

/// <summary>Turns a Bot Framework activity into a channel-neutral <see cref="TurnInput"/>; wire facts only.</summary>
public static partial class ActivityReader
{
    /// <summary>Why an activity cannot be processed, or null when it can (the problem goes back in a 400).</summary>
    public static string? Problem(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no 'type'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no 'conversation.id'.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no 'from.id'.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity has no valid 'serviceUrl' (an absolute http or https URL).";
        }

        return TypeProblem(activity);
    }

    /// <summary>
    /// The loosely typed parts KitBot reads (entities, channel data, an invoke's value) checked for the types the Bot
    /// Framework schema gives them, so a wrong type is a 400 here rather than an exception in the turn.
    /// </summary>
    private static string? TypeProblem(Activity activity)
    {
        if (activity.Entities?.Any(e => e is null) == true)
        {
            return "Every entry of 'entities' must be an object.";
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (!IsTextOrAbsent(entity["type"]) || !IsTextOrAbsent(entity["text"])
                || entity["mentioned"] is not (null or JsonObject)
                || (entity["mentioned"] is JsonObject mentioned && !IsTextOrAbsent(mentioned["id"])))
            {
                return "An entity's 'type', 'text' and 'mentioned.id' must be strings.";
            }
        }

        if (activity.ChannelData?["tenant"] is { } tenant && (tenant is not JsonObject t || !IsTextOrAbsent(t["id"])))
        {
            return "'channelData.tenant' must be an object whose 'id' is a string.";
        }

        if (activity.MembersAdded?.Any(m => m is null) == true || activity.MembersRemoved?.Any(m => m is null) == true)
        {
            return "Every entry of 'membersAdded' and 'membersRemoved' must be an object.";
        }

        if (activity.Type == ActivityTypes.Invoke && activity.Name == ActivityTypes.AdaptiveCardAction)
        {
            if (activity.Value is not JsonObject value || value["action"] is not JsonObject action)
            {
                return "An 'adaptiveCard/action' invoke needs a 'value.action' object.";
            }

            if (!IsTextOrAbsent(action["verb"]) || action["data"] is not (null or JsonObject))
            {
                return "An Action.Execute's 'verb' must be a string and its 'data' an object.";
            }
        }

        return null;
    }

    private static bool IsTextOrAbsent(JsonNode? node) =>
        node is null || (node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String);

    /// <summary>A string property's value, or null when it is absent or not a string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The input the activity carries, or null when KitBot has nothing to do with it.</summary>
    public static TurnInput? Read(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message when activity.Value is JsonObject value => new CardActionInput(CardActionData.Read(value)),
        ActivityTypes.Message when !string.IsNullOrWhiteSpace(activity.Text) => new TextInput(StripMentions(activity)),
        ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m?.Id == activity.Recipient?.Id) == true =>
            new ConversationStartedInput(),
        ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade" => new ConversationStartedInput(),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction && activity.Value?["action"] is JsonObject action =>
            new CardActionInput(CardActionData.Read(action["data"] as JsonObject ?? [], Text(action["verb"]))),
        _ => null,
    };

    /// <summary>Removes the bot's @mention (Teams puts <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text in channels and group chats).</summary>
    public static string StripMentions(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (Text(entity?["type"]) == "mention"
                && Text((entity!["mentioned"] as JsonObject)?["id"]) == activity.Recipient?.Id
                && Text(entity["text"]) is { Length: > 0 } mention)
            {
                text = text.Replace(mention, " ", StringComparison.Ordinal);
            }
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
