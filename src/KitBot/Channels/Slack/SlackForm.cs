using System.Text.Json.Nodes;

namespace KitBot.Channels.Slack;

/// <summary>
/// A card's form too large for one Slack message, kept to show as a modal when the person presses "Open the form".
/// </summary>
/// <param name="Title">The modal's title (at most 24 characters).</param>
/// <param name="Blocks">The form's blocks (inputs, their notes and the buttons among them), at most 100.</param>
/// <param name="SubmitLabel">The modal's submit button: the form's main submit button's text.</param>
/// <param name="SubmitData">That button's data (verb, cid, step...), carried in <c>private_metadata</c>; null when the form has none.</param>
public sealed record SlackForm(string Title, JsonArray Blocks, string SubmitLabel, JsonObject? SubmitData);
