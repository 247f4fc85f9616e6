using System.Globalization;
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

        // One short line per person (the first forms and purposes suggested, the first safeguard) and one for the
        // adoptive family, so the consultants read it at a glance; lines
        // that do not fit are left out whole, never cut mid-sentence.
        var summary = SummaryBuilder.Build(content, consultation);
        var lines = summary.People.Where(p => !p.IsEmpty)
            .Select(person => $"{person.Relationship}: {string.Join("; ", person.Forms.Take(2).Concat(person.Purposes.Take(2)).Concat(person.Safeguards.Take(1)).Select(s => s.Text.TrimEnd('.')))}.")
            .ToList();
        var family = summary.Family.Support.Take(2).Concat(summary.Family.Safeguards.Take(1)).Select(s => s.Text.TrimEnd('.')).ToList();
        if (family.Count > 0)
        {
            lines.Add($"Adoptive family: {string.Join("; ", family)}.");
        }

        var text = new StringBuilder();
        var left = 0;
        foreach (var line in lines)
        {
            if (text.Length + line.Length + 1 > MaxSummary - 40)
            {
                left++;
                continue;
            }

            text.Append(line).Append('\n');
        }

        if (left > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"(and {left} more in the practitioner's plan)");
        }

        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result;
    }
}
