using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using KitBot.Testing;

namespace KitBot.EndToEnd.Support;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned in tests/tools), a real
/// Teams-like client and connector, driven over its HTTP and websocket API (PROTOCOLS.md section 3).
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _workFolder;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<PlaygroundMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private Task? _reader;

    private AgentsPlayground(Process process, string workFolder, int port)
    {
        _process = process;
        _workFolder = workFolder;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Deadline };
    }

    public HttpClient Http { get; }

    /// <summary>The playground's configuration: personal chat id, users, teams.</summary>
    public JsonNode Config { get; private set; } = new JsonObject();

    public string PersonalChatId => Config["config"]!["personalChat"]!["id"]!.GetValue<string>();

    public string CurrentUserId => Config["config"]!["currentUser"]!["id"]!.GetValue<string>();

    /// <summary>Every message the bot has sent or updated so far, in arrival order.</summary>
    public IReadOnlyCollection<PlaygroundMessage> Messages => _messages;

    /// <summary>Starts the playground pointed at <paramref name="botEndpoint"/> and connects to its stream.</summary>
    public static async Task<AgentsPlayground> StartAsync(string botEndpoint)
    {
        await NodeTools.RequireAsync();

        var port = KitBotServer.FreePort();
        // It writes ./devTools/... in its working folder: give it a throwaway one.
        var work = Directory.CreateTempSubdirectory("kitbot-playground-").FullName;
        var info = new ProcessStartInfo(NodeTools.Bin("agentsplayground"))
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-e", botEndpoint, "-c", "msteams", "--dt", "-p", port.ToString() })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        info.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(work, "playground.log");
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the Agents Playground.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var playground = new AgentsPlayground(process, work, port);
        try
        {
            await playground.WaitForPingAsync();
            playground.Config = (await playground.Http.GetFromJsonAsync<JsonNode>("_internal/v1/config"))!;
            await playground.ConnectAsync(port);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the playground pointed at a port chosen now, then KitBot on that port (<paramref name="startBot"/> gets
    /// the port and the playground, to read its team channel and connector). A port taken by another process between
    /// the choice and the bind is tried again with a new one, so parallel test runs on one machine do not collide.
    /// </summary>
    public static async Task<(AgentsPlayground Teams, KitBotServer Bot)> StartWithBotAsync(Func<int, AgentsPlayground, Task<KitBotServer>> startBot)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = KitBotServer.FreePort();
            var teams = await StartAsync($"http://127.0.0.1:{port}/api/messages");
            try
            {
                return (teams, await startBot(port, teams));
            }
            catch (IOException) when (attempt < 5)
            {
                await teams.DisposeAsync();
            }
            catch
            {
                await teams.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>The playground's connector, where KitBot sends proactive messages (for example to a team channel).</summary>
    public string ConnectorUrl => new Uri(Http.BaseAddress!, "_connector").ToString();

    /// <summary>The playground's first team channel.</summary>
    public string TeamChannelId => Config["config"]!["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();

    /// <summary>What the web UI does on load: the bot receives installationUpdate and conversationUpdate.</summary>
    public async Task InstallAsync(string? conversationId = null)
    {
        using var response = await Http.PostAsJsonAsync($"_debug/conversation/{conversationId ?? PersonalChatId}/installation", new JsonObject());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The user types a message.</summary>
    public async Task SendTextAsync(string text, string? conversationId = null, string? userId = null)
    {
        using var response = await Http.PostAsJsonAsync(
            $"_conversation/v1/conversations/{conversationId ?? PersonalChatId}/messages",
            new JsonObject { ["from"] = new JsonObject { ["id"] = userId ?? CurrentUserId }, ["text"] = text, ["textFormat"] = "plain" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The user writes @KitBot and a message in a channel or group chat (the bot hears only messages that mention it).</summary>
    public async Task MentionBotAsync(string text, string conversationId)
    {
        var bot = Config["config"]!["bot"]!;
        var at = $"<at>{bot["name"]!.GetValue<string>()}</at>";
        using var response = await Http.PostAsJsonAsync($"_conversation/v1/conversations/{conversationId}/messages", new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["text"] = $"{at} {text}",
            ["textFormat"] = "plain",
            ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = bot["id"]!.GetValue<string>() }, ["text"] = at }),
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The user presses an Action.Submit button on a card (value = the action's data merged with inputs).</summary>
    public async Task SubmitAsync(PlaygroundMessage card, JsonObject value, string? conversationId = null)
    {
        using var response = await Http.PostAsJsonAsync("_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId ?? PersonalChatId },
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["replyToId"] = card.Id,
            ["value"] = value,
        });
        if (!response.IsSuccessStatusCode)
        {
            // The playground says why it refused (unknown conversation, message or user): keep it in the failure.
            throw new HttpRequestException($"Submit refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The user presses an Action.Execute button; returns the bot's invoke response body.</summary>
    public async Task<JsonNode?> ExecuteAsync(PlaygroundMessage card, string verb, JsonObject data, string? conversationId = null)
    {
        using var response = await Http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId ?? PersonalChatId },
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["replyToId"] = card.Id,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            },
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonNode>();
    }

    /// <summary>Waits (polling the stream, with a deadline) for a bot message, after <paramref name="after"/> messages, that matches.</summary>
    public async Task<PlaygroundMessage> WaitForAsync(Func<PlaygroundMessage, bool> match, int after = 0, string? what = null)
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (true)
        {
            var found = _messages.Skip(after).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join("\n", _messages.Select(m => m.Describe()));
                throw new TimeoutException($"No bot message {what ?? "matching"} arrived within {Deadline}. Seen:\n{seen}");
            }
        }
    }

    private async Task WaitForPingAsync()
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Agents Playground exited with {_process.ExitCode}.");
            }

            try
            {
                if (await Http.GetStringAsync("_debug/ping") == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The Agents Playground did not answer /_debug/ping.");
            }

            await Task.Delay(100);
        }
    }

    private async Task ConnectAsync(int port)
    {
        // Connect before anything is sent: the playground buffers pushes for the next client otherwise.
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), _stop.Token);
        _reader = Task.Run(ReadAsync);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (PlaygroundMessage.TryParse(text.ToString()) is { } message)
                {
                    _messages.Enqueue(message);
                    _arrived.Release();
                }

                text.Clear();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
