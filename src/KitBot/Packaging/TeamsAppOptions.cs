using System.ComponentModel.DataAnnotations;

namespace KitBot.Packaging;

/// <summary>The <c>TeamsApp</c> settings section: what the Teams app package says about KitBot.</summary>
public sealed class TeamsAppOptions
{
    public const string Section = "TeamsApp";

    /// <summary>The app package's version; raise it for every package you upload.</summary>
    [Required, RegularExpression(@"^\d+\.\d+\.\d+$")]
    public string Version { get; set; } = "1.0.0";

    /// <summary>The Teams app id (a GUID). Empty uses the bot's app id.</summary>
    public string AppId { get; set; } = "";

    [Required, MaxLength(30)]
    public string ShortName { get; set; } = "KitBot";

    [Required, MaxLength(100)]
    public string FullName { get; set; } = "KitBot: keeping in touch after adoption";

    [Required]
    public string DeveloperName { get; set; } = "Your local authority";

    [Required, Url]
    public string WebsiteUrl { get; set; } = "https://www.example.org/kitbot";

    [Required, Url]
    public string PrivacyUrl { get; set; } = "https://www.example.org/kitbot/privacy";

    [Required, Url]
    public string TermsOfUseUrl { get; set; } = "https://www.example.org/kitbot/terms";

    /// <summary>Host names the app's links may point to (KitBot's own public host, for plan downloads).</summary>
    public string[] ValidDomains { get; set; } = [];
}
