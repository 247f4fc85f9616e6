using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Plans;

/// <summary>
/// A draft keeping in touch plan, kept in the practitioner's own conversation state (see
/// <see cref="Engine.ConversationState.Plans"/>). Property names are stable wire names.
/// </summary>
public sealed record PlanState
{
    /// <summary>The plan's id, unique in the conversation; cards and download links carry it.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The plan's title, for example "Plan for a child aged 2 to 4, started 3 Mar 2025". No names.</summary>
    [JsonPropertyName("title")]
    public string Title { get; init; } = string.Empty;

    /// <summary>The consultation it was drafted from.</summary>
    [JsonPropertyName("consultation")]
    public string ConsultationId { get; init; } = string.Empty;

    /// <summary>When it was drafted (UTC).</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    [JsonPropertyName("updated")]
    public DateTimeOffset Updated { get; init; }

    /// <summary>The sections, in the order of <see cref="PlanSectionIds.All"/>.</summary>
    [JsonPropertyName("sections")]
    public IReadOnlyList<PlanSection> Sections { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The plan's dated versions, oldest first, the last being the current text; at most
    /// <see cref="PlanVersions.MaxKept"/>. Empty in state saved before versions were kept: read it through
    /// <see cref="PlanVersions.History"/>.
    /// </summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<PlanVersion> Versions { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The people the plan covers, by label, for guided reviews. Empty in state saved before schema 5: a review then
    /// asks about the people of the consultation the plan came from, if it is still kept.
    /// </summary>
    [JsonPropertyName("people")]
    public IReadOnlyList<PlanPerson> People { get; init => field = value ?? []; } = [];

    /// <summary>The child's age band when the plan was drafted (for example "5-10"), for life-stage prompts; empty before schema 5.</summary>
    [JsonPropertyName("ageBand")]
    public string AgeBand { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>
    /// Where the child was in their journey when the plan was drafted (a journey stage id such as "placed"), so that
    /// setting up reviews starts from the right stage; empty for plans drafted before it was kept.
    /// </summary>
    [JsonPropertyName("journey")]
    public string Journey { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>The section with <paramref name="id"/>, or null.</summary>
    public PlanSection? Section(string id) => Sections.FirstOrDefault(s => s.Id == id);
}
