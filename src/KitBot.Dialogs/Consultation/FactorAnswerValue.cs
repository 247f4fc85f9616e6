using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Consultation;

/// <summary>The four answers to a strength or challenge. The wire names are also the card input values.</summary>
public enum FactorAnswerValue
{
    /// <summary>Not known (also what an unanswered point means).</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,

    /// <summary>Yes.</summary>
    [JsonStringEnumMemberName("yes")] Yes,

    /// <summary>No.</summary>
    [JsonStringEnumMemberName("no")] No,

    /// <summary>Not sure.</summary>
    [JsonStringEnumMemberName("unsure")] Unsure,
}
