using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>
/// Slack's side of Socket Mode on a real Kestrel server (127.0.0.1, a free port; <see cref="FakeSlackApi.SocketModeUrl"/>
/// is what apps.connections.open hands out), following Slack's documented
/// envelope format: each connection starts with <c>hello</c>; envelopes (<c>events_api</c>, <c>interactive</c>,
/// <c>slash_commands</c>) carry an <c>envelope_id</c> and a <c>payload</c> and wait for <c>{"envelope_id": ...}</c>;
/// <c>disconnect</c> asks the app to reconnect. As Slack does, an envelope whose connection ended before it was
/// acknowledged is sent again on the next connection.
/// </summary>
public sealed class FakeSocketMode : IAsyncDisposable
{
    private readonly object _gate = new();
    private WebApplication? _app;
    private readonly List<string> _log = [];
    private readonly List<Connection> _connections = [];
    private readonly List<Pending> _unacknowledged = [];
    private readonly Dictionary<string, JsonObject> _acks = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _envelopes;

    /// <summary>The websocket URL, for example ws://127.0.0.1:41234/socket-mode.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Starts the server and points <paramref name="api"/>'s apps.connections.open at it.</summary>
    public static async Task<FakeSocketMode> StartAsync(FakeSlackApi api)
    {
        var fake = new FakeSocketMode();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/socket-mode", (Func<HttpContext, Task>)fake.AcceptAsync);
        await app.StartAsync();
        fake._app = app;
        fake.Url = app.Urls.First().TrimEnd('/').Replace("http://", "ws://", StringComparison.Ordinal) + "/socket-mode";
        api.SocketModeUrl = fake.Url;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>What happened, in order: "open 1", "hello 1", "send E1 on 1", "ack E1 on 1", "dropped 1", "closed by app 1"...</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>How many connections the app has opened.</summary>
    public int Connections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>The acknowledgement the app sent for an envelope, if it did.</summary>
    public JsonObject? AckFor(string envelopeId)
    {
        lock (_gate)
        {
            return _acks.GetValueOrDefault(envelopeId);
        }
    }

    /// <summary>Sends an envelope of <paramref name="type"/> on the newest open connection; returns its envelope_id.</summary>
    public Task<string> SendAsync(string type, JsonObject payload) => SendAsync(type, payload, dropAfter: false);

    /// <summary>Sends an envelope and drops the connection at once, before any acknowledgement can arrive.</summary>
    public Task<string> SendThenDropAsync(string type, JsonObject payload) => SendAsync(type, payload, dropAfter: true);

    /// <summary>Asks the app to reconnect, as Slack does before it refreshes a connection.</summary>
    public async Task DisconnectAsync(string reason = "refresh_requested")
    {
        var connection = Current();
        await connection.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake-socket-mode" } });
        Record($"disconnect {connection.Number}");
    }

    /// <summary>Waits, without sleeping, until <paramref name="condition"/> holds; fails at the deadline.</summary>
    public async Task WaitForAsync(Func<FakeSocketMode, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition(this))
            {
                return;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out waiting for Socket Mode: {what}. So far:\n" + string.Join("\n", Log));
            }

            try
            {
                await changed.WaitAsync(left);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>The websocket endpoint (the URL apps.connections.open hands out).</summary>
    private async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        Connection connection;
        List<Pending> again;
        lock (_gate)
        {
            connection = new Connection(_connections.Count + 1, socket);
            _connections.Add(connection);
            // Envelopes whose connection ended unacknowledged come again on this one.
            again = _unacknowledged.Where(p => p.Connection.Ended).ToList();
        }

        Record($"open {connection.Number}");
        await connection.SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = 1,
            ["debug_info"] = new JsonObject { ["host"] = "fake-socket-mode", ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = "AKITBOT" },
        });
        Record($"hello {connection.Number}");
        foreach (var pending in again)
        {
            pending.Envelope["retry_attempt"] = pending.Envelope["retry_attempt"]!.GetValue<int>() + 1;
            pending.Envelope["retry_reason"] = "timeout";
            lock (_gate)
            {
                pending.Connection = connection;
            }

            await connection.SendAsync(pending.Envelope);
            Record($"send {pending.Id} on {connection.Number} again");
        }

        await ReadAsync(connection, http.RequestAborted);
    }

    private async Task ReadAsync(Connection connection, CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, aborted);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Record($"closed by app {connection.Number}");
                    await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                var ack = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
                var id = ack["envelope_id"]!.GetValue<string>();
                lock (_gate)
                {
                    _acks[id] = ack;
                    _unacknowledged.RemoveAll(p => p.Id == id);
                }

                Record($"ack {id} on {connection.Number}");
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            Record($"gone {connection.Number}");
        }
        finally
        {
            connection.Ended = true;
            Changed();
        }
    }

    private async Task<string> SendAsync(string type, JsonObject payload, bool dropAfter)
    {
        var connection = Current();
        var id = $"E{Interlocked.Increment(ref _envelopes):D4}-{Guid.NewGuid():N}"[..24];
        var envelope = new JsonObject
        {
            ["envelope_id"] = id,
            ["payload"] = payload,
            ["type"] = type,
            ["accepts_response_payload"] = type == "slash_commands",
            ["retry_attempt"] = 0,
            ["retry_reason"] = "",
        };
        lock (_gate)
        {
            _unacknowledged.Add(new Pending(id, envelope) { Connection = connection });
        }

        await connection.SendAsync(envelope);
        Record($"send {id} on {connection.Number}");
        if (dropAfter)
        {
            connection.Ended = true;
            connection.Socket.Abort();
            Record($"dropped {connection.Number}");
        }

        return id;
    }

    private Connection Current()
    {
        lock (_gate)
        {
            return _connections.LastOrDefault(c => !c.Ended) ?? throw new InvalidOperationException("No Socket Mode connection is open.");
        }
    }

    private void Record(string entry)
    {
        lock (_gate)
        {
            _log.Add(entry);
        }

        Changed();
    }

    private void Changed() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private sealed class Pending(string id, JsonObject envelope)
    {
        public string Id { get; } = id;

        public JsonObject Envelope { get; } = envelope;

        public required Connection Connection { get; set; }
    }

    private sealed class Connection(int number, WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public int Number { get; } = number;

        public WebSocket Socket { get; } = socket;

        public volatile bool Ended;

        public async Task SendAsync(JsonObject message)
        {
            await _sending.WaitAsync();
            try
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
