using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitBot.Packaging;

/// <summary>
/// Builds the Teams app package (PROTOCOLS.md section 6): manifest.json (schema 1.17) and the two icons, in a
/// zip an administrator uploads to the Teams admin centre.
/// </summary>
public static class TeamsAppPackage
{
    public const string ManifestVersion = "1.17";
    public const string SchemaUrl = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json";

    /// <summary>The manifest for a bot registered with <paramref name="botAppId"/>.</summary>
    public static JsonObject Manifest(string botAppId, TeamsAppOptions app)
    {
        if (!Guid.TryParse(botAppId, out _))
        {
            throw new InvalidOperationException("Teams:AppId must be the bot's Microsoft app id (a GUID) to build the Teams app package.");
        }

        var appId = string.IsNullOrWhiteSpace(app.AppId) ? botAppId : app.AppId;
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = app.Version,
            ["id"] = appId,
            ["developer"] = new JsonObject
            {
                ["name"] = app.DeveloperName,
                ["websiteUrl"] = app.WebsiteUrl,
                ["privacyUrl"] = app.PrivacyUrl,
                ["termsOfUseUrl"] = app.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = app.ShortName, ["full"] = app.FullName },
            ["description"] = new JsonObject
            {
                ["short"] = "Keeping-in-touch consultations for adopted children's plans.",
                ["full"] = "KitBot takes social workers through a keeping-in-touch consultation for an adopted child: "
                    + "strengths and challenges, role guidance, draft plan sections to edit and paste into the child's record, "
                    + "and plan-review reminders. Its suggestions are for professional judgement.",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = "#006E78",
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = botAppId,
                ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(
                    Commands("personal"),
                    Commands("team"),
                    Commands("groupChat")),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(app.ValidDomains.Select(d => (JsonNode)d).ToArray()),
        };
    }

    /// <summary>Writes the zip: exactly manifest.json, color.png and outline.png.</summary>
    public static void Write(Stream zip, JsonObject manifest, string iconFolder)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        var entry = archive.CreateEntry("manifest.json");
        using (var stream = entry.Open())
        {
            JsonSerializer.Serialize(stream, manifest, new JsonSerializerOptions { WriteIndented = true });
        }

        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            archive.CreateEntryFromFile(Path.Combine(iconFolder, icon), icon);
        }
    }

    private static JsonObject Commands(string scope) => new()
    {
        ["scopes"] = new JsonArray(scope),
        ["commands"] = new JsonArray(
            Command("menu", "Show what KitBot can do"),
            Command("help", "Commands and privacy"),
            Command("start over", "Restart what you are doing"),
            Command("cancel", "Stop what you are doing")),
    };

    private static JsonObject Command(string title, string description) => new()
    {
        ["title"] = title,
        ["description"] = description,
    };
}
