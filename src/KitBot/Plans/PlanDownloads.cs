using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Storage;

namespace KitBot.Plans;

/// <summary>
/// Turns a download token into the plan's file, once: the token names the practitioner's own state and the plan, and
/// is spent before anything is returned, so two takers racing for one link get one file between them. Used by the
/// download endpoint and by the terminal chat, which writes the file to disk instead of printing a link.
/// </summary>
public sealed class PlanDownloads(
    DownloadLinks links,
    DownloadTokenLedger ledger,
    TimeProvider time,
    IConversationStore store,
    PracticeContent content,
    ILogger<PlanDownloads> logger)
{
    /// <summary>The file for <paramref name="token"/>, or why there is none (with the HTTP status that says so).</summary>
    public async Task<PlanDownload> TakeAsync(string token, CancellationToken cancellationToken)
    {
        var check = links.Read(token);
        switch (check.Status)
        {
            case DownloadTokenStatus.Invalid:
                Log.PlanDownloadRefused(logger, "invalid token");
                return PlanDownload.Refused(StatusCodes.Status403Forbidden,
                    "This download link is not valid. In KitBot, open the plan from My plans and press a download button for a new link.");
            case DownloadTokenStatus.Expired:
                Log.PlanDownloadRefused(logger, "expired token");
                return PlanDownload.Refused(StatusCodes.Status410Gone,
                    "This download link has expired. In KitBot, open the plan from My plans and press a download button for a new link.");
        }

        var (stateKey, planId, format, expires, nonce) = check.Token!;
        var stored = await store.LoadStateAsync(stateKey, cancellationToken);
        if (PlanDocument.Find(content, ConversationStateSerializer.Deserialize(stored.Json), planId) is not { } plan)
        {
            Log.PlanDownloadRefused(logger, "plan not found");
            return PlanDownload.Refused(StatusCodes.Status404NotFound, "This plan is no longer in KitBot: it may have been deleted.");
        }

        // Spent before anything is sent: two requests racing for one link get one file between them.
        if (!await ledger.TryConsumeAsync(nonce, expires, time.GetUtcNow(), cancellationToken))
        {
            Log.PlanDownloadRefused(logger, "used token");
            return PlanDownload.Refused(StatusCodes.Status410Gone,
                "This download link has already been used: each link works once. In KitBot, open the plan from My plans and press a download button for a new link.");
        }

        var bytes = PlanExport.Render(plan, format);
        Log.PlanDownloaded(logger, planId, format.ToString(), bytes.Length);
        return new PlanDownload(StatusCodes.Status200OK, null, bytes, PlanExport.ContentType(format), PlanExport.FileName(plan, format));
    }
}

/// <summary>A plan's file (<see cref="Bytes"/>, its type and name), or a refusal with its status and message.</summary>
public sealed record PlanDownload(int Status, string? Message, byte[]? Bytes, string? ContentType, string? FileName)
{
    public static PlanDownload Refused(int status, string message) => new(status, message, null, null, null);
}
