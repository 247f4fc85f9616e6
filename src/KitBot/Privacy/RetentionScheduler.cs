using Hangfire;
using Microsoft.Extensions.Options;

namespace KitBot.Privacy;

/// <summary>
/// Registers the recurring retention job on start. Hangfire runs a recurring job once per schedule across
/// every instance sharing its storage, so several instances purge once.
/// </summary>
public sealed class RetentionScheduler(IRecurringJobManager recurring, IOptions<RetentionOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<DataRetention>(DataRetention.JobId, r => r.PurgeAsync(CancellationToken.None), options.Value.Schedule);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
