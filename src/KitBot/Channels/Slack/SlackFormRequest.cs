namespace KitBot.Channels.Slack;

/// <summary>A press of "Open the form": open the stored form as a modal for <paramref name="TriggerId"/>, at once.</summary>
/// <param name="TeamId">The workspace.</param>
/// <param name="ChannelId">Where the form's answers go (the message's channel).</param>
/// <param name="UserId">Who pressed.</param>
/// <param name="FormId">The stored form (<see cref="SlackFormStore"/>).</param>
/// <param name="TriggerId">Slack's trigger for <c>views.open</c>, valid about 3 seconds.</param>
/// <param name="ResponseUrl">Where to say so if the form cannot be opened.</param>
public sealed record SlackFormRequest(string TeamId, string ChannelId, string UserId, string FormId, string TriggerId, string? ResponseUrl);
