using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>What every Slack endpoint needs, in one parameter.</summary>
public sealed class SlackServices(
    SlackWorkspaces workspaces,
    SlackWorkQueue queue,
    SlackEventDeduplicator deduplicator,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public SlackWorkspaces Workspaces { get; } = workspaces;

    public SlackWorkQueue Queue { get; } = queue;

    public SlackEventDeduplicator Deduplicator { get; } = deduplicator;

    public SlackOptions Options => options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = loggers.CreateLogger(typeof(SlackEndpoints));
}
