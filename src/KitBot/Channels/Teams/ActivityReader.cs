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

        return null;
    }

    /// <summary>The input the activity carries, or null when KitBot has nothing to do with it.</summary>
    public static TurnInput? Read(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message when activity.Value is JsonObject value => new CardActionInput(CardActionData.Read(value)),
        ActivityTypes.Message when !string.IsNullOrWhiteSpace(activity.Text) => new TextInput(StripMentions(activity)),
        ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true =>
            new ConversationStartedInput(),
        ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade" => new ConversationStartedInput(),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction && activity.Value?["action"] is JsonObject action =>
            new CardActionInput(CardActionData.Read(action["data"] as JsonObject ?? [], action["verb"]?.GetValue<string>())),
        _ => null,
    };

    /// <summary>Removes the bot's @mention (Teams puts <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text in channels and group chats).</summary>
    public static string StripMentions(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity["type"]?.GetValue<string>() == "mention"
                && entity["mentioned"]?["id"]?.GetValue<string>() == activity.Recipient?.Id
                && entity["text"]?.GetValue<string>() is { Length: > 0 } mention)
            {
                text = text.Replace(mention, " ", StringComparison.Ordinal);
            }
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
