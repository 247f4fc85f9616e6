namespace KitBot.Dialogs.Privacy;

/// <summary>A personal detail the privacy check noticed: its kind and the words that set it off.</summary>
/// <param name="Kind">What it looks like (one flag).</param>
/// <param name="Text">The words in the practitioner's text, shown back to them so they know what to change.</param>
public sealed record PrivacyFinding(PrivacyConcern Kind, string Text);
