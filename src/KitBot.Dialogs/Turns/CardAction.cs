namespace KitBot.Dialogs.Turns;

/// <summary>
/// A button press on a card. Every action KitBot puts on a card carries a verb, and actions that belong to a
/// dialog step also carry the dialog instance and the step, so a click on an old card is recognised.
/// </summary>
/// <param name="Verb">What the button means (see <see cref="CardActionFields"/> for the wire names).</param>
/// <param name="DialogId">The dialog instance the card belongs to, when it belongs to one.</param>
/// <param name="Step">The step sequence number the card was sent at, when it belongs to one.</param>
/// <param name="Values">The card's input values and any other data, as strings, keyed by input id.</param>
public sealed record CardAction(
    string Verb,
    string? DialogId,
    int? Step,
    IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Reads an input's value, or null when it is absent or blank.</summary>
    public string? Value(string key) =>
        Values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>The reserved keys in a card action's data, shared by every channel.</summary>
public static class CardActionFields
{
    /// <summary>The action's verb.</summary>
    public const string Verb = "verb";

    /// <summary>The dialog instance (for a consultation, its id).</summary>
    public const string DialogId = "cid";

    /// <summary>The step sequence number the card was sent at.</summary>
    public const string Step = "step";
}
