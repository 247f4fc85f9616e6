namespace KitBot.Hosting;

/// <summary>Response headers that stop browsers from sniffing, framing or caching what KitBot serves.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        // The Hangfire dashboard serves its own scripts and styles; everything else is an API with no active content.
        if (!context.Request.Path.StartsWithSegments("/hangfire"))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        }

        return next(context);
    });
}
