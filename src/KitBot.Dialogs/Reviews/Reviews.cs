using System.Globalization;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews;

/// <summary>
/// The reviews feature's entry point for the dialog core. It registers the verbs that need no storage
/// (setting reviews up and proposing dates); the verbs in <see cref="ReviewVerbs.Stored"/> are answered by
/// the host, which applies <see cref="ReviewDecisions"/> and <see cref="ReviewProposals"/> to the reviews table.
/// </summary>
public static class Reviews
{
    /// <summary>Registers the set-up and proposal verbs (a duplicate verb throws at start-up).</summary>
    public static void Register(VerbRegistry verbs, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        ArgumentNullException.ThrowIfNull(rules);
        verbs
            .Add(ReviewVerbs.Setup, (ctx, _) => ctx.Say(ReviewCards.Setup()))
            .Add(ReviewVerbs.Propose, (ctx, action) => ctx.Say(Propose(action, rules).ToArray()));
    }

    /// <summary>The proposals for a submitted set-up card, or the card again with what is missing.</summary>
    public static IReadOnlyList<Reply> Propose(CardAction action, ReviewRules rules)
    {
        if (!Enum.TryParse<ReviewStage>(action.Value("stage"), out var stage) || !Enum.IsDefined(stage))
        {
            return [new TextReply("Please choose where the child is in the adoption process."), ReviewCards.Setup()];
        }

        if (ReviewCards.ReadDate(action.Value("start")) is not { } start)
        {
            return [new TextReply("Please give the date of the placement, authority or order."), ReviewCards.Setup()];
        }

        int? age = null;
        if (action.Value("age") is { } ageText)
        {
            if (!int.TryParse(ageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) || a is < 0 or > 17)
            {
                return [new TextReply("Please give the child's age as a whole number of years from 0 to 17, or leave it empty."), ReviewCards.Setup()];
            }

            age = a;
        }

        var proposals = rules.Propose(stage, start, age);
        return [ReviewCards.Proposals(stage, start, age, proposals)];
    }

    /// <summary>Typed commands for reviews ("my reviews", "set up reviews"): the verb they stand for, or null.</summary>
    public static string? Command(string? text) =>
        (text ?? string.Empty).Trim().TrimEnd('.', '!', '?').Trim().ToLowerInvariant() switch
        {
            "my reviews" or "reviews" or "show my reviews" => ReviewVerbs.List,
            "set up reviews" or "setup reviews" or "new reviews" or "add reviews" => ReviewVerbs.Setup,
            _ => null,
        };
}
