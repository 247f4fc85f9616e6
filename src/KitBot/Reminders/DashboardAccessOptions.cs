using System.ComponentModel.DataAnnotations;

namespace KitBot.Reminders;

/// <summary>
/// The <c>Reminders:Dashboard</c> settings section. The Hangfire dashboard answers local requests only unless
/// remote access is switched on, and remote access needs a user name and password: never anonymous.
/// </summary>
public sealed class DashboardAccessOptions
{
    /// <summary>Whether the dashboard is mapped at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where it is mapped.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Reminders:Dashboard:Path must start with / and hold only letters, digits, /, _ and -.")]
    public string Path { get; set; } = "/hangfire";

    /// <summary>
    /// Open the dashboard without credentials to loopback connections carrying no forwarding header. Switch it off
    /// when a proxy runs on the same machine (its connections are loopback too): then only credentials open it.
    /// </summary>
    public bool AllowLocal { get; set; } = true;

    /// <summary>Allow requests from other machines, with HTTP Basic authentication (use HTTPS).</summary>
    public bool AllowRemote { get; set; }

    /// <summary>The user name remote requests must give.</summary>
    public string Username { get; set; } = "";

    /// <summary>The SHA-256 of the password remote requests must give, as hex (never the password itself).</summary>
    public string PasswordSha256 { get; set; } = "";

    /// <summary>True when remote access is switched on and has credentials to check.</summary>
    public bool RemoteConfigured =>
        AllowRemote && !string.IsNullOrWhiteSpace(Username) && PasswordSha256.Trim().Length == 64;
}
