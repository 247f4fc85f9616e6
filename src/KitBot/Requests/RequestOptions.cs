using System.ComponentModel.DataAnnotations;

namespace KitBot.Requests;

/// <summary>The <c>Requests</c> settings section: where consultation requests go and when unclaimed ones are raised again.</summary>
public sealed class RequestOptions
{
    public const string Section = "Requests";

    /// <summary>The consultants' channel from settings (an administrator's command in a channel overrides it).</summary>
    [Required]
    public RequestChannelOptions Channel { get; set; } = new();

    /// <summary>Channel user ids allowed to type "use this channel for consultations" in a channel.</summary>
    public string[] Admins { get; set; } = [];

    /// <summary>
    /// Channel user ids of consultants who may see and take requests from a personal chat. In the consultants'
    /// channel itself, membership of the channel is what counts.
    /// </summary>
    public string[] Consultants { get; set; } = [];

    /// <summary>Working time an unclaimed request waits before it is raised again in the channel.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RaiseAfter { get; set; } = TimeSpan.FromHours(2);
}
