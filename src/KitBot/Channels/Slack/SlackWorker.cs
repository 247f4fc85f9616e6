using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Runs queued Slack turns in the background, one loop per queue, so acknowledgements never wait on them.
/// </summary>
public sealed class SlackWorker(SlackWorkQueue queue, SlackAdapter adapter, IOptions<SlackOptions> options, ILogger<SlackWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.WhenAll(Enumerable.Range(0, queue.Partitions).Select(p => Task.Run(() => RunAsync(p, stoppingToken), CancellationToken.None)));
    }

    private async Task RunAsync(int partition, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader(partition).ReadAllAsync(stoppingToken))
            {
                try
                {
                    await adapter.ProcessAsync(item, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // One bad item never stops the loop.
                    Log.SlackWorkFailed(logger, item.Request.TeamId, item.Request.ChannelId, e.GetType().Name, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
