using System.Collections.Concurrent;
using KitBot.Channels.Teams;
using KitBot.Conversations;

namespace KitBot.Tests.Support;

/// <summary>
/// Stands in for the Bot Framework connector: records every activity KitBot sends, in order, and answers
/// "sent" (or whatever <see cref="Respond"/> says, to play a throttled or blocked conversation).
/// </summary>
public sealed class RecordingConnector : IConnectorClient
{
    private readonly ConcurrentQueue<RecordedActivity> _recorded = new();
    private int _lastId;

    /// <summary>Decides the connector's answer to each call; by default every call is sent.</summary>
    public Func<RecordedActivity, ConnectorResult>? Respond { get; set; }

    /// <summary>Everything sent or updated so far, oldest first.</summary>
    public IReadOnlyList<RecordedActivity> Sent => [.. _recorded];

    public Task<ConnectorResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record(new RecordedActivity(reference, activity)));

    public Task<ConnectorResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record(new RecordedActivity(reference, activity, activityId)));

    public Task<CreateConversationResult> CreateConversationAsync(string serviceUrl, string botId, string userId, string? tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(new CreateConversationResult(ConnectorOutcome.Sent, $"personal-{userId}", serviceUrl, 201));

    private ConnectorResult Record(RecordedActivity call)
    {
        _recorded.Enqueue(call);
        return Respond?.Invoke(call)
            ?? new ConnectorResult(ConnectorOutcome.Sent, call.UpdatedActivityId ?? $"sent-{Interlocked.Increment(ref _lastId)}", 201);
    }
}
