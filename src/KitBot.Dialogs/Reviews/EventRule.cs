namespace KitBot.Dialogs.Reviews;

/// <summary>
/// A review tied to an event the practitioner dates (the first exchange or meeting after placement, the first
/// sibling meeting), not to the order: it is due <see cref="After"/> the day the practitioner says the event happens.
/// </summary>
public sealed class EventRule
{
    /// <summary>A stable id, used as the set-up card's input id (letters, digits and dashes).</summary>
    public string Id { get; set; } = "";

    /// <summary>The event, as the set-up card asks for its date ("The first exchange or meeting after placement").</summary>
    public string Event { get; set; } = "";

    /// <summary>What the review is about (shown to the practitioner).</summary>
    public string Name { get; set; } = "";

    /// <summary>How long after the event the review is due (ISO 8601).</summary>
    public string After { get; set; } = "P2W";
}
