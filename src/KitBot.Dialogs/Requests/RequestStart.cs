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

    /// <summary>Shows the form.</summary>
    public TurnResult Start(DialogContext ctx, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Say(RequestCards.Form(SummaryText(ctx.State.Consultation)));
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
