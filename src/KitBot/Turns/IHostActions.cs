using KitBot.Dialogs.Turns;

namespace KitBot.Turns;

/// <summary>
/// Actions on KitBot's stored records (reviews, consultation requests) that the host answers before the dialog
/// core: the core makes the practice decisions as pure functions, and these apply them to storage. Channel
/// adapters never see them; <see cref="TurnProcessor"/> asks each in turn.
/// </summary>
public interface IHostActions
{
    /// <summary>The replies when the turn is one of these actions; null to let the dialog core have it.</summary>
    Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, string conversationKey, CancellationToken cancellationToken);
}
