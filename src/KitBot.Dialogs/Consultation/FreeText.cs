using KitBot.Dialogs.Content;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Consultation;

/// <summary>Checks a card's free text (labels and notes) for length and personal details before any of it is stored.</summary>
internal sealed class FreeText(CardAction action, PracticeContent content)
{
    private readonly List<PrivacyFinding> _found = [];

    private readonly bool _keepRequested = string.Equals(action.Value(ConsultationInputs.PrivacyKeep), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every kind of personal detail noticed so far.</summary>
    public PrivacyConcern Concerns { get; private set; }

    /// <summary>The words that set the privacy check off, to show the practitioner.</summary>
    public IReadOnlyList<PrivacyFinding> Found => _found;

    /// <summary>
    /// The concerns that stop the answers being stored: all of them, unless the only one is a suspected name and
    /// the practitioner has ticked "keep as written".
    /// </summary>
    public PrivacyConcern Blocking => Concerns == PrivacyConcern.Name && _keepRequested ? PrivacyConcern.None : Concerns;

    /// <summary>The trimmed text, or null when blank; records any personal details noticed.</summary>
    public string? Read(string key)
    {
        var text = action.Value(key);
        var found = content.Privacy.Find(text);
        _found.AddRange(found);
        Concerns |= found.Aggregate(PrivacyConcern.None, (all, f) => all | f.Kind);
        return text;
    }
}
