using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Runs acknowledged Slack work in the background, <see cref="SlackOptions.Workers"/> loops per instance, each claiming
/// the next request from the database with a lease (<see cref="SlackWorkStore"/>). Woken when this instance records
/// work, and every <see cref="SlackOptions.WorkPollInterval"/> to pick up work other instances recorded or left behind.
/// </summary>
public sealed class SlackWorker(
    SlackWorkQueue queue,
    SlackWorkStore store,
    SlackAdapter adapter,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackWorker> logger)
    : BackgroundService
{
    // A request whose runs keep failing (or keep losing their instance) is given up after this many claims.
    private const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var signal = queue.Signal;
                SlackWork? work = null;
                try
                {
                    work = await store.ClaimAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is away: try again at the next poll.
                    Log.SlackWorkClaimFailed(logger, e.GetType().Name, e);
                }

                if (work is null)
                {
                    await WaitAsync(signal, stoppingToken);
                    continue;
                }

                await RunOneAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: work in hand keeps its lease and is resumed by another instance when the lease runs out.
        }
    }

    private async Task WaitAsync(Task signal, CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(options.Value.WorkPollInterval, time, stoppingToken);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task RunOneAsync(SlackWork work, CancellationToken stoppingToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(work.Id, running.Token);
        try
        {
            if (work.Attempts > MaxAttempts)
            {
                Log.SlackWorkGivenUp(logger, work.Id, work.Attempts);
            }
            else
            {
                await adapter.ProcessAsync(work, queue.TakeInline(work.Id), stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // One bad request never stops the loop; the turn boundary already told the person when a turn failed.
            Log.SlackWorkRunFailed(logger, work.Id, e.GetType().Name, e);
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
        }

        // Right after the replies went out: from here on no instance runs it again. (Stopping before this line leaves
        // it to another instance, which sends its replies again: the at-least-once window, docs/deploy.md.)
        stoppingToken.ThrowIfCancellationRequested();
        if (!await store.CompleteAsync(work.Id, CancellationToken.None))
        {
            Log.SlackWorkLeaseLost(logger, work.Id);
        }

        // Another of this conversation's requests may be claimable now.
        queue.Notify();
    }

    /// <summary>Keeps the lease while the request runs, renewing at a third of its length.</summary>
    private async Task RenewAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.WorkLease / 3, time, cancellationToken);
                if (!await store.RenewAsync(id, cancellationToken))
                {
                    Log.SlackWorkLeaseLost(logger, id);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            Log.SlackWorkClaimFailed(logger, e.GetType().Name, e);
        }
    }
}
