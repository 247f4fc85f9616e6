using System.ComponentModel.DataAnnotations;

namespace KitBot.Channels.Slack;

/// <summary>One Slack workspace KitBot serves: its team id, bot token and the signing secret of the app installed there.</summary>
public sealed class SlackWorkspaceOptions
{
    /// <summary>The workspace's team id (<c>T...</c>); requests naming any other team are refused.</summary>
    [Required]
    [RegularExpression("^[A-Z0-9]{2,32}$", ErrorMessage = "Slack:Workspaces:TeamId must be a Slack team id such as T012AB3CD.")]
    public string TeamId { get; set; } = "";

    /// <summary>The bot token (<c>xoxb-...</c>). From the environment or a secret store, never the file.</summary>
    [Required]
    [RegularExpression(@"^(xoxe\.)?xoxb-\S+$", ErrorMessage = "Slack:Workspaces:BotToken must be a bot token (xoxb-...).")]
    public string BotToken { get; set; } = "";

    /// <summary>The app's signing secret, used to verify every inbound request. From the environment or a secret store.</summary>
    [Required]
    [MinLength(8)]
    public string SigningSecret { get; set; } = "";
}
