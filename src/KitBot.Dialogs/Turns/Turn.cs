namespace KitBot.Dialogs.Turns;

/// <summary>
/// One thing a person did, in channel-neutral form: the adapter for Teams, Slack or the terminal
/// builds it from its wire format and hands it to <see cref="KitBot.Dialogs.Engine.DialogEngine"/>.
/// </summary>
/// <param name="User">Who acted.</param>
/// <param name="Conversation">Where they acted.</param>
/// <param name="Input">What they did: text, a card action, or adding the bot.</param>
/// <param name="Timestamp">When, in UTC.</param>
/// <param name="Locale">The client's locale when it says (for example <c>en-GB</c>).</param>
/// <param name="TimeZone">The client's IANA time zone when it says.</param>
public sealed record Turn(
    TurnUser User,
    TurnConversation Conversation,
    TurnInput Input,
    DateTimeOffset Timestamp,
    string? Locale = null,
    string? TimeZone = null);

/// <summary>A person, by the channel's stable id.</summary>
/// <param name="Id">The channel's id for the person.</param>
/// <param name="DisplayName">
/// The name the channel shows for them, when it gives one. The core never needs it; the host shows a professional's
/// name to colleagues (who took a consultation request). Never stored in consultation state.
/// </param>
public sealed record TurnUser(string Id, string? DisplayName = null);

/// <summary>A conversation: a personal chat, a group chat or a channel thread.</summary>
/// <param name="Id">The channel's conversation id.</param>
/// <param name="IsGroup">True when other people can read the conversation (channels, group chats).</param>
public sealed record TurnConversation(string Id, bool IsGroup = false);
