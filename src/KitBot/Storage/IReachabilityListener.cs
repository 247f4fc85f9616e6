using KitBot.Conversations;

namespace KitBot.Storage;

/// <summary>
/// Told when a conversation marked unreachable (the channel answered 403 or 404) is heard from again, so what
/// waited for it (undeliverable reminders) can go out after all.
/// </summary>
public interface IReachabilityListener
{
    /// <summary>The conversation <paramref name="reference"/> names is reachable again as of <paramref name="now"/>.</summary>
    Task ReachableAgainAsync(ConversationReference reference, DateTimeOffset now, CancellationToken cancellationToken);
}
