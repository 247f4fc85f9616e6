using System.Text.Json.Serialization;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Roles;

namespace KitBot.Dialogs.Engine;

/// <summary>
/// Everything the core remembers about one person's conversation with KitBot. Persisted as JSON by the host;
/// property names are stable wire names, and <see cref="SchemaVersion"/> lets a later build read older state.
/// </summary>
public sealed record ConversationState
{
    /// <summary>The schema version this build writes.</summary>
    /// <remarks>
    /// 2 added <see cref="Consultation"/> and <see cref="Roles"/>; 3 added <see cref="Plans"/>; 4 added, in the
    /// consultation, each person's status, the plan's name, the provisional arrangements and the review choice. Older
    /// state reads unchanged (what it lacks is empty: a person without a status is in touch, nothing is yet agreed).
    /// 5 added each plan's dated versions (<see cref="PlanState.Versions"/>) its people (<see cref="PlanState.People"/>) and the child's age band (<see cref="PlanState.AgeBand"/>); a plan from schema 4 or older reads as
    /// one version, its current text.
    /// </remarks>
    public const int CurrentSchemaVersion = 5;

    /// <summary>The schema version the state was written with.</summary>
    [JsonPropertyName("v")]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>True once the welcome has been shown, so installing twice greets once.</summary>
    [JsonPropertyName("greeted")]
    public bool Greeted { get; init; }

    /// <summary>How many turns this conversation has had.</summary>
    [JsonPropertyName("turns")]
    public int TurnCount { get; init; }

    /// <summary>When the last turn happened (UTC).</summary>
    [JsonPropertyName("lastActive")]
    public DateTimeOffset? LastActive { get; init; }

    /// <summary>
    /// Increments every time the core sends a card that belongs to a dialog step; card actions carry it back
    /// so a click on an older card is recognised.
    /// </summary>
    [JsonPropertyName("seq")]
    public int StepSeq { get; init; }

    /// <summary>The dialog in progress, if any.</summary>
    [JsonPropertyName("dialog")]
    public ActiveDialog? Dialog { get; init; }

    /// <summary>
    /// The latest consultation: in progress (resumable from the menu even while another dialog runs) or finished.
    /// </summary>
    [JsonPropertyName("consultation")]
    public ConsultationState? Consultation { get; init; }

    /// <summary>Role guidance in progress, if any.</summary>
    [JsonPropertyName("roles")]
    public RoleGuidanceState? Roles { get; init; }

    /// <summary>
    /// The practitioner's draft plans, newest first. They live in this person's own state (the host keys it by
    /// channel, conversation and person), so nobody else's turn can reach them.
    /// </summary>
    [JsonPropertyName("plans")]
    public IReadOnlyList<PlanState> Plans { get; init => field = value ?? []; } = [];

    /// <summary>A fresh conversation.</summary>
    public static ConversationState New { get; } = new();
}

/// <summary>The dialog a conversation is in.</summary>
/// <param name="Name">The dialog's registered name, for example <c>consultation</c>.</param>
/// <param name="Id">This instance's id (for a consultation, its id); cards carry it.</param>
/// <param name="Step">
/// The card the dialog is waiting on: one of its steps, or a question laid over it (such as "start again?").
/// </param>
public sealed record ActiveDialog(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("step")] string Step);
