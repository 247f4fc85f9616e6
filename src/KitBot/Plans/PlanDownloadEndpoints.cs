using System.Text;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Storage;

namespace KitBot.Plans;

/// <summary>
/// <c>GET /plans/download/{token}</c>: a whole plan as a file, once, for whoever opens a valid link first. The token
/// names the practitioner's own state and the plan, so it can reach nothing else; without a token there is nothing to
/// get, and a used one gets nothing more.
/// </summary>
public static class PlanDownloadEndpoints
{
    public static IEndpointRouteBuilder MapPlanDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(DownloadLinks.PathPrefix + "{token}", DownloadAsync).WithName("PlanDownload");
        return routes;
    }

    private static async Task<IResult> DownloadAsync(
        string token,
        DownloadLinks links,
        DownloadTokenLedger ledger,
        TimeProvider time,
        IConversationStore store,
        PracticeContent content,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(PlanDownloadEndpoints));
        var check = links.Read(token);
        switch (check.Status)
        {
            case DownloadTokenStatus.Invalid:
                Log.PlanDownloadRefused(logger, "invalid token");
                return Plain(StatusCodes.Status403Forbidden,
                    "This download link is not valid. In KitBot, open the plan from My plans and press a download button for a new link.");
            case DownloadTokenStatus.Expired:
                Log.PlanDownloadRefused(logger, "expired token");
                return Plain(StatusCodes.Status410Gone,
                    "This download link has expired. In KitBot, open the plan from My plans and press a download button for a new link.");
        }

        var (stateKey, planId, format, expires, nonce) = check.Token!;
        var stored = await store.LoadStateAsync(stateKey, cancellationToken);
        if (PlanDocument.Find(content, ConversationStateSerializer.Deserialize(stored.Json), planId) is not { } plan)
        {
            Log.PlanDownloadRefused(logger, "plan not found");
            return Plain(StatusCodes.Status404NotFound, "This plan is no longer in KitBot: it may have been deleted.");
        }

        // Spent before anything is sent: two requests racing for one link get one file between them.
        if (!await ledger.TryConsumeAsync(nonce, expires, time.GetUtcNow(), cancellationToken))
        {
            Log.PlanDownloadRefused(logger, "used token");
            return Plain(StatusCodes.Status410Gone,
                "This download link has already been used: each link works once. In KitBot, open the plan from My plans and press a download button for a new link.");
        }

        var bytes = PlanExport.Render(plan, format);
        Log.PlanDownloaded(logger, planId, format.ToString(), bytes.Length);
        // Results.File with a file name answers with Content-Disposition: attachment.
        return Results.File(bytes, PlanExport.ContentType(format), PlanExport.FileName(plan, format));
    }

    private static IResult Plain(int status, string message) =>
        Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, status);
}
