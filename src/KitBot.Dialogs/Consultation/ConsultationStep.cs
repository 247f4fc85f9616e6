using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>The consultation's steps, in order; they follow the planning steps in PRACTICE.md.</summary>
public enum ConsultationStep
{
    /// <summary>About the child: age band, journey, wishes and feelings, identity needs.</summary>
    [JsonStringEnumMemberName("child")] Child,

    /// <summary>Who is important to the child.</summary>
    [JsonStringEnumMemberName("people")] People,

    /// <summary>Strengths and challenges for one important person.</summary>
    [JsonStringEnumMemberName("person")] Person,

    /// <summary>The adoptive parents and the relationship between the adults.</summary>
    [JsonStringEnumMemberName("adopters")] Adopters,

    /// <summary>The summary of suggestions.</summary>
    [JsonStringEnumMemberName("summary")] Summary,

    /// <summary>The provisional keeping in touch plan for one important person (and, on the last, the review).</summary>
    [JsonStringEnumMemberName("plan")] Plan,
}
