using System.ComponentModel.DataAnnotations;

namespace KitBot.Plans;

/// <summary>The <c>Plans</c> settings section: download links for whole plans.</summary>
public sealed class PlanOptions : IValidatableObject
{
    public const string Section = "Plans";

    /// <summary>
    /// The address people reach KitBot at, for download links (for example https://kitbot.example.org). Empty uses
    /// the first address KitBot listens on, which suits local use only.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>How long a download link works after it is issued (it also stops after its first download).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Plans:DownloadLinkLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A folder for the keys that sign download links, shared by every KitBot instance behind one address. Empty
    /// uses ASP.NET Core's default key store for this machine.
    /// </summary>
    public string DataProtectionKeysPath { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl.Length > 0
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult(
                $"Plans:PublicBaseUrl must be an absolute http or https URL, such as https://kitbot.example.org; it is '{PublicBaseUrl}'.",
                [nameof(PublicBaseUrl)]);
        }
    }
}
