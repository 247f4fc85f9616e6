namespace KitBot.Dialogs.Requests;

/// <summary>What the cards show about a stored request.</summary>
/// <param name="Id">The request id (on the card's actions).</param>
/// <param name="Reference">The short reference people quote, for example KIT-7F3K.</param>
/// <param name="Question">The question.</param>
/// <param name="Urgency">How soon.</param>
/// <param name="Contact">How to get in touch.</param>
/// <param name="When">When suits the practitioner.</param>
/// <param name="Summary">The shared consultation summary, if any.</param>
/// <param name="State">Open, claimed or closed.</param>
/// <param name="ClaimedName">The display name of the consultant who has it (professionals' names are fine to show).</param>
/// <param name="AskedBy">Who asked, as the channel names them to colleagues (a display name, a Slack mention), so a consultant can call them.</param>
public sealed record RequestSnapshot(
    string Id,
    string Reference,
    string Question,
    RequestUrgency Urgency,
    RequestContact Contact,
    string When,
    string? Summary,
    RequestState State,
    string? ClaimedName,
    string? AskedBy = null);
