namespace KitBot.Requests;

/// <summary>Starts the requests' recurring sweep when the host starts (Hangfire keeps it; the sweep catches up after a restart).</summary>
public sealed class RequestSweepStarter(IRequestScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        scheduler.StartSweeping();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
