using System.Text;

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

    private static async Task<IResult> DownloadAsync(string token, PlanDownloads downloads, CancellationToken cancellationToken)
    {
        var file = await downloads.TakeAsync(token, cancellationToken);
        // Results.File with a file name answers with Content-Disposition: attachment.
        return file.Bytes is { } bytes
            ? Results.File(bytes, file.ContentType, file.FileName)
            : Plain(file.Status, file.Message!);
    }

    private static IResult Plain(int status, string message) =>
        Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, status);
}
