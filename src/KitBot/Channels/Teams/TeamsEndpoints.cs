using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Teams;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint.</summary>
public static class TeamsEndpoints
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/messages", HandleAsync).WithName("TeamsMessages");
        // The channel only ever POSTs; say so plainly to anything else.
        routes.MapMethods("/api/messages", ["GET", "PUT", "DELETE", "PATCH"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IBotFrameworkAuthenticator authenticator,
        TeamsAdapter adapter,
        IOptions<TeamsOptions> options,
        Security.TurnRateLimiter rateLimiter,
        Turns.TurnGate gate,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));

        // Authenticate before reading anything else (DESIGN.md, how a turn flows).
        var identity = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), cancellationToken);
        if (identity is null)
        {
            // The authenticator has logged why.
            return Results.Unauthorized();
        }

        var limit = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit)
        {
            Log.MalformedActivity(logger, "too large");
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"An activity may be at most {limit} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        // Beyond Teams:MaxTurnsInFlight turns the request waits for a slot here, before its body is read: a thousand
        // requests waiting under a burst hold only their connections' buffers, not a thousand parsed activities. Past
        // the answer budget it stops waiting: the activity is read and answered, and its turn keeps its place. (So a
        // body is read inside its slot: a slow sender holds one for as long as Kestrel's minimum data rate allows, and
        // with an app id only the authenticated Bot Framework service gets this far.)
        var arrived = time.GetTimestamp();
        var slot = gate.EnterAsync();
        var handedOver = false;
        try
        {
            if (!slot.IsCompleted)
            {
                try
                {
                    await slot.WaitAsync(options.Value.AnswerBudget, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                }
            }

            var (activity, refusal) = await ReadActivityAsync(http, identity, options.Value, logger, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            if (!rateLimiter.TryAcquire("msteams:" + (activity!.From?.Id ?? "")))
            {
                return Security.TurnRateLimiter.TooMany();
            }

            handedOver = true;
            var invoke = await adapter.ProcessAsync(activity, slot, arrived, cancellationToken);
            return invoke is null
                ? Results.Accepted()
                : invoke.Body is null ? Results.StatusCode(invoke.Status) : Results.Json(invoke.Body, statusCode: invoke.Status);
        }
        finally
        {
            if (!handedOver)
            {
                Turns.TurnGate.Release(slot);
            }
        }
    }

    /// <summary>The request's activity, or the answer refusing it (malformed, not for this bot, another tenant).</summary>
    private static async Task<(Activity? Activity, IResult? Refusal)> ReadActivityAsync(
        HttpContext http, BotFrameworkIdentity identity, TeamsOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var limit = options.MaxRequestBytes;
        byte[] body;
        try
        {
            body = await ReadBodyAsync(http.Request, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Log.MalformedActivity(logger, "too large");
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"An activity may be at most {limit} bytes."));
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // Bad chunked framing, a body shorter than its Content-Length: the client's fault, not a 500. (Kestrel
            // reports some framing faults, a chunk size that overflows, as a plain IOException.)
            Log.MalformedActivity(logger, "unreadable body");
            return (null, Problem((e as BadHttpRequestException)?.StatusCode ?? StatusCodes.Status400BadRequest, "Unreadable request", "The request body could not be read."));
        }

        // Invalid UTF-8, a property named twice or deep nesting is refused before any of it is used.
        if (Security.StrictJson.Problem(body) is { } malformed)
        {
            Log.MalformedActivity(logger, "not JSON");
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed activity", $"The body is not a JSON Bot Framework activity. {malformed}"));
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options);
        }
        catch (JsonException)
        {
            Log.MalformedActivity(logger, "not JSON");
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The body is not a JSON Bot Framework activity."));
        }

        var problem = activity is null ? "The body is not a JSON object." : ActivityReader.Problem(activity);
        if (problem is not null)
        {
            Log.MalformedActivity(logger, problem);
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed activity", problem));
        }

        if (!identity.Allows(activity!))
        {
            Log.AuthenticationFailed(logger, "serviceurl or endorsement");
            return (null, Results.Unauthorized());
        }

        var tenant = TeamsAdapter.TenantOf(activity!);
        if (!options.Serves(tenant))
        {
            // Another organisation's tenant: refused, logged, never answered.
            Log.TenantRefused(logger, Security.LogValue.Id(tenant));
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return (activity, null);
    }

    /// <summary>The whole body: read straight into an array of its declared length, else through a growing buffer.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length and > 0 and <= int.MaxValue)
        {
            var body = new byte[length];
            var read = 0;
            while (read < body.Length)
            {
                var n = await request.Body.ReadAsync(body.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    throw new IOException("The body ended before its Content-Length.");
                }

                read += n;
            }

            return body;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
