using KitBot.Dialogs.Plans;

namespace KitBot.Dialogs.Turns;

/// <summary>
/// Offer the person a link to download a whole plan. The core knows nothing of URLs: the host issues a link bound
/// to this person and plan, which expires, and shows it (in Teams, a card with a button that opens it).
/// </summary>
/// <param name="PlanId">The plan, in the person's own conversation state.</param>
/// <param name="Format">Word or plain text.</param>
/// <param name="Text">What the link is for, for example "Plan for a child aged 2 to 4, started 3 Mar 2025, as a Word document."</param>
/// <param name="LinkTitle">The button's words, for example "Download as Word".</param>
public sealed record DownloadReply(string PlanId, PlanFormat Format, string Text, string LinkTitle) : Reply;
