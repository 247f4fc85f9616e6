using KitBot.Channels.Teams;
using KitBot.Conversations;

namespace KitBot.Tests.Support;

/// <summary>One activity KitBot handed to the connector.</summary>
/// <param name="Reference">The conversation it was sent to.</param>
/// <param name="Activity">The activity as KitBot built it.</param>
/// <param name="UpdatedActivityId">For an update (a refreshed card), the id of the message replaced; null for a send.</param>
public sealed record RecordedActivity(ConversationReference Reference, Activity Activity, string? UpdatedActivityId = null)
{
    /// <summary>True when this replaced an earlier message rather than sending a new one.</summary>
    public bool IsUpdate => UpdatedActivityId is not null;
}
