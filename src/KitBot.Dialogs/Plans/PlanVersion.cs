using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// One dated version of a plan: its number, when it was made, a one-line reason, and the text of the sections that
/// changed in it (version 1, and the oldest version kept, hold every section). Property names are stable wire names.
/// </summary>
public sealed record PlanVersion
{
    /// <summary>The version's number: 1 for the draft, then one more for each saved edit or accepted review.</summary>
    [JsonPropertyName("n")]
    public int Number { get; init; }

    /// <summary>When the version was made (UTC).</summary>
    [JsonPropertyName("at")]
    public DateTimeOffset At { get; init; }

    /// <summary>Why it was made, in one line, for example "Edited Purpose" or "Review accepted". No names.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = string.Empty;

    /// <summary>The sections whose text this version set, each with its whole text as it then read.</summary>
    [JsonPropertyName("sections")]
    public IReadOnlyList<PlanSectionText> Sections { get; init => field = value ?? []; } = [];
}
