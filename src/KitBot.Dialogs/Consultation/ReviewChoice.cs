using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>When the plan will be reviewed and what would trigger an earlier review (planning step 6); empty is to be agreed.</summary>
public sealed record ReviewChoice
{
    /// <summary>When the plan will be reviewed, in the practitioner's words.</summary>
    [JsonPropertyName("when")]
    public string? When { get; init; }

    /// <summary>What would trigger an earlier review, in the practitioner's words.</summary>
    [JsonPropertyName("triggers")]
    public string? Triggers { get; init; }
}
