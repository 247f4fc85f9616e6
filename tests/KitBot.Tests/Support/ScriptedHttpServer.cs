using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KitBot.Tests.Support;

/// <summary>
/// A real HTTP server on a free loopback port (Kestrel), standing in for a remote service: it answers from a
/// script, one step per request, then with <see cref="Fallback"/>, and records every request it receives.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private const string Dropped = "dropped";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Queue<Func<HttpContext, Task>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedHttpServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        app.Run(HandleAsync);
    }

    /// <summary>The server's base address, ending in a slash.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The answer once the script has run out.</summary>
    public Func<HttpContext, Task> Fallback { get; set; } = Respond(201, """{"id":"activity-1"}""");

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests answered with a 2xx status.</summary>
    public int Succeeded => Requests.Count(r => r.Status is >= 200 and < 300);

    /// <summary>Starts a server; with a certificate it speaks https only.</summary>
    public static async Task<ScriptedHttpServer> StartAsync(TimeProvider? clock = null, X509Certificate2? certificate = null)
    {
        // The empty builder reads no settings files, so the app's own appsettings.json cannot change the port.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            }));
        // A request the client abandoned must not hold up the end of a test.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var server = new ScriptedHttpServer(builder.Build(), clock ?? TimeProvider.System);
        await server._app.StartAsync();
        server.BaseUri = new Uri(server._app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Adds steps to the script, answered in order.</summary>
    public void Enqueue(params Func<HttpContext, Task>[] steps)
    {
        lock (_gate)
        {
            foreach (var step in steps)
            {
                _script.Enqueue(step);
            }
        }
    }

    /// <summary>Waits (on real time, with a deadline) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return;
                }

                arrived = _arrived.Task;
            }

            await arrived.WaitAsync(deadline.Token);
        }
    }

    /// <summary>Answers with a status, an optional JSON body and optional headers.</summary>
    public static Func<HttpContext, Task> Respond(int status, string? json = null, params (string Name, string Value)[] headers) =>
        async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            if (json is not null)
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(json);
            }
        };

    /// <summary>Never answers; returns when the client gives up on the request.</summary>
    public static Func<HttpContext, Task> Hang() =>
        async context =>
        {
            var abandoned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var registration = context.RequestAborted.Register(() => abandoned.TrySetResult());
            await abandoned.Task;
        };

    /// <summary>Drops the connection without an answer (the client sees a network error).</summary>
    public static Func<HttpContext, Task> DropConnection() =>
        context =>
        {
            // Kestrel signals RequestAborted a little later; the mark makes the record say "no answer" at once.
            context.Items[Dropped] = true;
            context.Abort();
            return Task.CompletedTask;
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new RecordedRequest
        {
            Method = context.Request.Method,
            Target = context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            Authorization = context.Request.Headers.Authorization.FirstOrDefault(),
            Body = await reader.ReadToEndAsync(context.RequestAborted),
            ArrivedAt = _clock.GetUtcNow(),
        };

        Func<HttpContext, Task> step;
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _requests.Add(request);
            step = _script.Count > 0 ? _script.Dequeue() : Fallback;
            arrived = _arrived;
            _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        await step(context);
        request.Status = context.RequestAborted.IsCancellationRequested || context.Items.ContainsKey(Dropped)
            ? null
            : context.Response.StatusCode;
    }
}
