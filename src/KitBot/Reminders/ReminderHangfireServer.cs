using Hangfire;
using Microsoft.Extensions.Options;

namespace KitBot.Reminders;

/// <summary>
/// Runs this instance's Hangfire server on KitBot's own storage instance and activator, and starts the sweep.
/// Built here rather than with Hangfire's global configuration so two hosts in one process (tests) stay apart.
/// </summary>
public sealed class ReminderHangfireServer(
    JobStorage storage,
    IReminderScheduler scheduler,
    IServiceProvider services,
    IOptions<ReminderOptions> options) : IHostedService, IDisposable
{
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(10);
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hangfire = options.Value.Hangfire;
        if (hangfire.Server)
        {
            _server = new BackgroundJobServer(
                new BackgroundJobServerOptions
                {
                    ServerName = $"kitbot-{Environment.MachineName}-{Guid.NewGuid():N}",
                    WorkerCount = hangfire.WorkerCount,
                    SchedulePollingInterval = hangfire.SchedulePollingInterval,
                    Activator = new ServiceProviderJobActivator(services),
                },
                storage);
        }

        // After a restart with in-memory storage the scheduled jobs are gone: the first sweep catches up.
        scheduler.StartSweeping();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            _server.SendStop();
            // Bounded: a job stuck on a slow channel must not hold the host's shutdown; the lease redelivers it.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ShutdownWait);
            try
            {
                await _server.WaitForShutdownAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose() => _server?.Dispose();
}
