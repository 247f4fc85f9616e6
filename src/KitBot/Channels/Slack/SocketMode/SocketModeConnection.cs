using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KitBot.Channels.Slack.SocketMode;

/// <summary>
/// One Socket Mode websocket: reads Slack's messages (<c>hello</c>, <c>disconnect</c>, envelopes), hands each envelope to
/// <see cref="SocketModeHandler"/> without holding up the next, and sends the acknowledgements, one frame at a time.
/// </summary>
public sealed class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SocketModeHandler _handler;
    private readonly int _maxMessageBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stopping;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;

    private SocketModeConnection(ClientWebSocket socket, SocketModeHandler handler, int maxMessageBytes, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        _socket = socket;
        _handler = handler;
        _maxMessageBytes = maxMessageBytes;
        _time = time;
        _logger = logger;
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>Completes when Slack asks KitBot to reconnect (a <c>disconnect</c> message); the socket still works meanwhile.</summary>
    public Task DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket has closed or dropped.</summary>
    public Task Completion => _receiving;

    /// <summary>When the connection said hello.</summary>
    public DateTimeOffset ConnectedAt { get; private set; }

    /// <summary>Connects to <paramref name="url"/> and waits for Slack's <c>hello</c>.</summary>
    public static async Task<SocketModeConnection> ConnectAsync(
        Uri url, SocketModeHandler handler, int maxMessageBytes, TimeSpan helloTimeout, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var connection = new SocketModeConnection(socket, handler, maxMessageBytes, time, logger, cancellationToken);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            connection._receiving = Task.Run(connection.ReceiveAsync, CancellationToken.None);
            await Task.WhenAny(connection._hello.Task, connection._receiving).WaitAsync(helloTimeout, time, cancellationToken);
            if (!connection._hello.Task.IsCompleted)
            {
                throw new WebSocketException("The Socket Mode connection closed before it said hello.");
            }

            connection.ConnectedAt = time.GetUtcNow();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Closes the socket once the envelopes it delivered have been acknowledged (waiting at most
    /// <paramref name="drain"/>), so nothing it took is left for Slack to send again.
    /// </summary>
    public async Task CloseAsync(TimeSpan drain)
    {
        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(drain, _time);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }

        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                // Close output only: the receive loop reads Slack's closing answer and ends.
                using var timeout = new CancellationTokenSource(drain, _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnected", timeout.Token);
                await _receiving.WaitAsync(drain, _time);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stopping.Dispose();
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (_socket.State == WebSocketState.Open && await ReadMessageAsync() is { } text)
            {
                if (Security.StrictJson.Parse(text) is not JsonObject message)
                {
                    Log.SlackMalformed(_logger, "a Socket Mode message that is not a JSON object");
                    continue;
                }

                var type = message["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "";
                switch (type)
                {
                    case "hello":
                        _hello.TrySetResult();
                        break;
                    case "disconnect":
                        _disconnect.TrySetResult();
                        break;
                    default:
                        Track(Task.Run(() => HandleAsync(message), CancellationToken.None));
                        break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped or stopped: the service reconnects.
        }
    }

    private void Track(Task task)
    {
        _inFlight[task] = 0;
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task HandleAsync(JsonObject envelope)
    {
        try
        {
            if (await _handler.HandleAsync(envelope, _stopping.Token) is { } ack)
            {
                await SendAsync(ack);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // Not acknowledged: Slack sends the envelope again, on this connection or the next.
            Log.SlackSocketEnvelopeFailed(_logger, e.GetType().Name, e);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sending.WaitAsync(_stopping.Token);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stopping.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next text message, or null when the socket closed. A message over the size limit closes the socket.</summary>
    private async Task<string?> ReadMessageAsync()
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, _stopping.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (buffer.Length + result.Count > _maxMessageBytes)
            {
                Log.SlackMalformed(_logger, "a Socket Mode message over Slack:MaxRequestBytes");
                await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too big", _stopping.Token);
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) : "";
            }
        }
    }
}
