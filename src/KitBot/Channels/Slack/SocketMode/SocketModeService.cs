using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack.SocketMode;

/// <summary>
/// Slack Socket Mode, when <c>Slack:AppToken</c> is set: asks <c>apps.connections.open</c> (with the app-level token)
/// for a websocket URL and keeps one connection open. On Slack's <c>disconnect</c> it opens the next connection first,
/// then closes the old one once its envelopes are acknowledged; a dropped connection is reopened after an exponential
/// backoff with jitter (<c>Slack:SocketReconnectDelay</c> doubling up to <c>Slack:SocketMaxReconnectDelay</c>).
/// </summary>
public sealed class SocketModeService(
    SlackWebApiClient api,
    SocketModeHandler handler,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeService> logger)
    : BackgroundService
{
    // How long a new connection may take to say hello, and an old one to finish acknowledging before it is closed.
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    /// <summary>True when Socket Mode runs: Slack is enabled and an app-level token is set.</summary>
    public static bool IsOn(SlackOptions slack) => slack.Enabled && !string.IsNullOrEmpty(slack.AppToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsOn(options.Value))
        {
            return;
        }

        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SocketModeConnection next;
                try
                {
                    next = await OpenAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    var wait = Backoff(failures++);
                    Log.SlackSocketOpenFailed(logger, e.GetType().Name, wait.TotalSeconds);
                    await Task.Delay(wait, time, stoppingToken);
                    continue;
                }

                Log.SlackSocketConnected(logger);
                if (current is not null)
                {
                    // The new connection is up: only now does the old one go (after acknowledging what it delivered).
                    var old = current;
                    _ = Task.Run(() => old.CloseAsync(Drain), CancellationToken.None);
                }

                current = next;
                await Task.WhenAny(current.DisconnectRequested, current.Completion).WaitAsync(stoppingToken);
                if (current.DisconnectRequested.IsCompleted)
                {
                    Log.SlackSocketRefresh(logger);
                    failures = 0;
                    continue;
                }

                // Dropped. A connection that lived a while starts the backoff afresh; one that keeps dropping waits longer each time.
                if (time.GetUtcNow() - current.ConnectedAt > options.Value.SocketMaxReconnectDelay)
                {
                    failures = 0;
                }

                var delay = Backoff(failures++);
                Log.SlackSocketDropped(logger, delay.TotalSeconds);
                await current.DisposeAsync();
                current = null;
                await Task.Delay(delay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync(TimeSpan.FromSeconds(1));
            }
        }
    }

    private async Task<SocketModeConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var slack = options.Value;
        var response = await api.CallAsync(slack.AppToken, "apps.connections.open", new JsonObject(), cancellationToken);
        if (response["url"] is not JsonValue value || !value.TryGetValue<string>(out var text)
            || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("wss" or "ws"))
        {
            throw new SlackApiException("apps.connections.open", "no_websocket_url");
        }

        return await SocketModeConnection.ConnectAsync(url, handler, slack.MaxRequestBytes, HelloTimeout, time, logger, cancellationToken);
    }

    private TimeSpan Backoff(int failures) =>
        SocketModeBackoff.Delay(failures, options.Value.SocketReconnectDelay, options.Value.SocketMaxReconnectDelay, Random.Shared.NextDouble());
}
