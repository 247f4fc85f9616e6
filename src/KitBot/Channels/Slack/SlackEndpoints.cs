using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace KitBot.Channels.Slack;

/// <summary>
/// <c>POST /api/slack/events</c>, <c>/interactions</c> and <c>/commands</c>. Each verifies the signature over the raw
/// body first (401 and nothing else on failure), reads the payload (400 when malformed), requires the payload's team
/// to be the workspace whose secret signed it, and hands it to <see cref="SlackIntake"/> (shared with Socket Mode), which
/// records the work before the acknowledgement: the turn runs on <see cref="SlackWorker"/>, on any instance.
/// </summary>
public static class SlackEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Maps the Slack endpoints when <c>Slack:Enabled</c> is true; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled)
        {
            return routes;
        }

        var slack = routes.MapGroup("/api/slack");
        slack.MapPost("/events", EventsAsync).WithName("SlackEvents");
        slack.MapPost("/interactions", InteractionsAsync).WithName("SlackInteractions");
        slack.MapPost("/commands", CommandsAsync).WithName("SlackCommands");
        // Slack only ever POSTs; say so plainly to anything else.
        slack.MapMethods("/{endpoint:regex(^(events|interactions|commands)$)}", ["GET", "PUT", "DELETE", "PATCH"],
            () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        return routes;
    }

    private static async Task<IResult> EventsAsync(HttpContext http, SlackServices services, SlackIntake intake, CancellationToken cancellationToken)
    {
        var (body, signature, refusal) = await VerifyAsync(http, services, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (ParseObject(body!) is not { } envelope)
        {
            return Malformed(services, "The body is not a JSON object.");
        }

        // The payload's team must be the workspace whose secret signed the request.
        return ToResult(await intake.EventAsync(envelope, team => signature!.For(team) is not null, cancellationToken));
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, SlackServices services, SlackIntake intake, CancellationToken cancellationToken)
    {
        var (body, signature, refusal) = await VerifyAsync(http, services, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (ParseForm(body!) is not { } form)
        {
            return Malformed(services, "The body is not form-encoded UTF-8.");
        }

        if (!form.TryGetValue("payload", out var field) || field.Count != 1 || Security.StrictJson.Parse(field.ToString()) is not JsonObject payload)
        {
            return Malformed(services, "The form field 'payload' is missing or not a JSON object.");
        }

        return ToResult(await intake.InteractionAsync(payload, team => signature!.For(team) is not null, cancellationToken));
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, SlackServices services, SlackIntake intake, CancellationToken cancellationToken)
    {
        var (body, signature, refusal) = await VerifyAsync(http, services, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (ParseForm(body!) is not { } form)
        {
            return Malformed(services, "The body is not form-encoded UTF-8.");
        }

        return ToResult(await intake.CommandAsync(form, team => signature!.For(team) is not null, cancellationToken));
    }

    /// <summary>How the intake's answer is said over HTTP.</summary>
    private static IResult ToResult(SlackIntakeResult result) => result.Outcome switch
    {
        SlackIntakeOutcome.Challenge => Results.Json(new { challenge = result.Text }),
        SlackIntakeOutcome.Malformed => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request", detail: result.Text),
        SlackIntakeOutcome.Refused => Results.Unauthorized(),
        SlackIntakeOutcome.TooMany => Security.TurnRateLimiter.TooMany(),
        SlackIntakeOutcome.Busy => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        SlackIntakeOutcome.Answer => Results.Text(result.Body!.ToJsonString(), "application/json; charset=utf-8"),
        _ => Results.Ok(),
    };

    /// <summary>Reads the raw body (bounded) and verifies its signature before anything else looks at it.</summary>
    private static async Task<(byte[]? Body, SlackSignatureResult? Signature, IResult? Refusal)> VerifyAsync(
        HttpContext http, SlackServices services, CancellationToken cancellationToken)
    {
        var limit = services.Options.MaxRequestBytes;
        var (body, unreadable) = await TryReadBodyAsync(http.Request, limit, cancellationToken);
        if (unreadable is not null)
        {
            Log.SlackMalformed(services.Logger, "unreadable body");
            return (null, null, unreadable);
        }

        if (body is null)
        {
            Log.SlackMalformed(services.Logger, "too large");
            return (null, null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
                detail: $"A Slack request may be at most {limit} bytes."));
        }

        var headers = http.Request.Headers;
        var signature = SlackSignature.Verify(
            services.Workspaces.All,
            headers[SlackSignature.TimestampHeader].ToString(),
            headers[SlackSignature.SignatureHeader].ToString(),
            body,
            services.Time.GetUtcNow());
        if (!signature.IsValid)
        {
            Log.SlackSignatureRejected(services.Logger, signature.Failure ?? "");
            return (null, null, Results.Unauthorized());
        }

        return (body, signature, null);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The body, or the refusal when it cannot be read: bad chunked framing or a body shorter than its
    /// Content-Length is the client's fault (400), not KitBot's.
    /// </summary>
    private static async Task<(byte[]? Body, IResult? Refusal)> TryReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadBodyAsync(request, limit, cancellationToken), null);
        }
        catch (BadHttpRequestException e)
        {
            return (null, Results.Problem(statusCode: e.StatusCode, title: "Unreadable request", detail: "The request body could not be read."));
        }
        catch (IOException)
        {
            // Kestrel reports some framing faults (a chunk size that overflows) as a plain IOException.
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable request", detail: "The request body could not be read."));
        }
    }

    // Strict: invalid UTF-8, a name given twice or deep nesting is a 400 here, never an exception later in a turn.
    private static JsonObject? ParseObject(byte[] body) => Security.StrictJson.Parse(body) as JsonObject;

    private static Dictionary<string, StringValues>? ParseForm(byte[] body)
    {
        try
        {
            return new FormReader(StrictUtf8.GetString(body)).ReadForm();
        }
        catch (Exception e) when (e is DecoderFallbackException or InvalidDataException)
        {
            return null;
        }
    }

    private static IResult Malformed(SlackServices services, string problem)
    {
        Log.SlackMalformed(services.Logger, problem);
        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request", detail: problem);
    }
}
