using System.ComponentModel.DataAnnotations;

namespace KitBot.Packaging;

/// <summary>
/// <c>package-teams</c>: writes the Teams app package from the configuration alone. It reads only what the package
/// needs (Teams:AppId and the TeamsApp section), never starts the host, and so needs no secret; a missing or bad
/// setting is one line naming it and exit code 1.
/// </summary>
public static class TeamsPackageCommand
{
    /// <summary>Validates, writes the zip to <paramref name="path"/> and returns the process exit code.</summary>
    public static int Run(IConfiguration configuration, string path, TextWriter output, TextWriter error)
    {
        var problem = Read(configuration, out var botAppId, out var app);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return 1;
        }

        try
        {
            var manifest = TeamsAppPackage.Manifest(botAppId, app);
            using (var zip = File.Create(path))
            {
                TeamsAppPackage.Write(zip, manifest, Path.Combine(AppContext.BaseDirectory, "teams"));
            }

            output.WriteLine($"Teams app package written to {Path.GetFullPath(path)}. Upload it in the Teams admin centre (Manage apps, Upload).");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"Could not write the Teams app package to '{path}' (--out): {e.Message}");
            return 1;
        }
    }

    /// <summary>Null when the settings make a valid package; otherwise one line naming the first bad setting.</summary>
    internal static string? Read(IConfiguration configuration, out string botAppId, out TeamsAppOptions app)
    {
        botAppId = configuration["Teams:AppId"]?.Trim() ?? "";
        app = new TeamsAppOptions();
        if (botAppId.Length == 0)
        {
            return "Teams:AppId is required to build the Teams app package: pass the bot's Microsoft app id, for example --Teams:AppId=<app id>.";
        }

        if (!Guid.TryParse(botAppId, out _))
        {
            return "Teams:AppId must be the bot's Microsoft app id (a GUID) to build the Teams app package.";
        }

        try
        {
            configuration.GetSection(TeamsAppOptions.Section).Bind(app);
        }
        catch (InvalidOperationException)
        {
            return $"{TeamsAppOptions.Section}: a setting has a value of the wrong type (for example a list where text is expected); see appsettings.json.";
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(app, new ValidationContext(app), results, validateAllProperties: true))
        {
            var first = results[0];
            var member = first.MemberNames.FirstOrDefault() ?? "";
            return $"{TeamsAppOptions.Section}:{member} is not valid: {first.ErrorMessage}";
        }

        if (app.AppId.Length > 0 && !Guid.TryParse(app.AppId, out _))
        {
            return $"{TeamsAppOptions.Section}:AppId must be a GUID (or empty to use Teams:AppId).";
        }

        for (var i = 0; i < app.ValidDomains.Length; i++)
        {
            var domain = app.ValidDomains[i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/') || domain.Any(char.IsWhiteSpace))
            {
                return $"{TeamsAppOptions.Section}:ValidDomains:{i} must be a host name such as kitbot.example.org (no scheme, no path).";
            }
        }

        return null;
    }
}
