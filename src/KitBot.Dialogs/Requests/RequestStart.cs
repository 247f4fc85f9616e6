using System.Text;
using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Requests;

/// <summary>
/// "Ask a consultant" from the menu: the form, offering to share the summary of the consultation the practitioner
/// last finished. The summary names people by relationship only (never the labels they typed), and the form's
/// privacy check runs on it again before anything is sent.
/// </summary>
public sealed class RequestStart(PracticeContent content)
{
    /// <summary>The longest summary carried on the form.</summary>
    public const int MaxSummary = 1500;

    /// <summary>What the practitioner hears when there is no consultants' channel to pass a question to.</summary>
    public const string NotSetUpText = "The adoption support team's channel has not been set up in KitBot yet, so I cannot pass a question on from here. Please contact the team directly, or ask your KitBot administrator.";

    /// <summary>
    /// "Ask a consultant": the form, or, when <paramref name="teamReachable"/> is false (no consultants' channel is
    /// set up), saying so before anything is typed, with the menu.
    /// </summary>
    public IReadOnlyList<Reply> Ask(bool teamReachable, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return teamReachable
            ? [RequestCards.Form(SummaryText(state.Consultation))]
            : [new TextReply(NotSetUpText), Menu.MainMenu.Menu(firstTime: false)];
    }

    /// <summary>The plain-text summary of a finished consultation, or null when there is none.</summary>
    public string? SummaryText(ConsultationState? consultation)
    {
        if (consultation is not { Completed: not null })
        {
            return null;
        }

        var summary = SummaryBuilder.Build(content, consultation);
        var text = new StringBuilder();
        foreach (var person in summary.People.Where(p => !p.IsEmpty))
        {
            text.Append(person.Relationship).Append(": ");
            text.AppendJoin("; ", person.Purposes.Concat(person.Forms).Concat(person.Support).Concat(person.Safeguards).Select(s => s.Text));
            text.Append(".\n");
        }

        var family = summary.Family.Support.Concat(summary.Family.Safeguards).Select(s => s.Text).ToList();
        if (family.Count > 0)
        {
            text.Append("Adoptive family: ").AppendJoin("; ", family).Append('.');
        }

        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result.Length <= MaxSummary ? result : result[..(MaxSummary - 1)] + "…";
    }
}
