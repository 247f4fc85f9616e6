namespace KitBot.Dialogs.Requests;

/// <summary>A checked request form: what to store. No names of children or families (the privacy check ran).</summary>
/// <param name="Question">What the practitioner wants to ask.</param>
/// <param name="Urgency">How soon.</param>
/// <param name="Contact">How to get in touch.</param>
/// <param name="When">When suits them (free text, privacy-checked).</param>
/// <param name="Summary">The consultation's summary when they chose to share it.</param>
public sealed record RequestDraft(string Question, RequestUrgency Urgency, RequestContact Contact, string When, string? Summary);
