using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Plans;

/// <summary>A person the plan is about keeping in touch with, by label (never a name), for reviews.</summary>
/// <param name="Id">The person's id in the consultation the plan was drafted from.</param>
/// <param name="Label">Their label, for example "Birth father".</param>
public sealed record PlanPerson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label);
