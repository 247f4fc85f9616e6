using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Reviews;

/// <summary>The review cards' data (templates in <c>cards/</c>): set-up, proposed dates, the reminder, my reviews.</summary>
public static class ReviewCards
{
    /// <summary>The reminder card template.</summary>
    public const string ReminderTemplate = "reminder";

    /// <summary>The my-reviews card template.</summary>
    public const string MyReviewsTemplate = "my-reviews";

    /// <summary>The set-up card template.</summary>
    public const string SetupTemplate = "review-setup";

    /// <summary>The proposed-dates card template.</summary>
    public const string ProposalsTemplate = "review-proposals";

    /// <summary>The stop-reminders confirmation template.</summary>
    public const string StopTemplate = "review-stop";

    /// <summary>The short reminder posted in a team channel (no case details) template.</summary>
    public const string TeamTemplate = "review-team";

    /// <summary>A date as the cards show it: "Friday 12 June 2026".</summary>
    public static string Show(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date as Input.Date reads and writes it.</summary>
    public static string Wire(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a date an Input.Date submitted, or one typed the UK way (see <see cref="ReviewDate"/>), or null.</summary>
    public static DateOnly? ReadDate(string? text) => ReviewDate.Read(text);

    /// <summary>The reminder card for a due review. <paramref name="today"/> is the practitioner's date, the earliest date it can move to.</summary>
    public static CardReply Reminder(ReviewSnapshot review, DateOnly today) => new(
        ReminderTemplate,
        new JsonObject
        {
            ["reviewId"] = review.Id,
            ["planId"] = review.PlanId,
            ["label"] = review.Label,
            ["due"] = Show(review.Due),
            ["kind"] = KindText(review.Kind),
            ["stage"] = review.Kind == ReviewKind.LifeStage ? review.Label : string.Empty,
            ["minDate"] = Wire(today),
        },
        $"Plan review due {Show(review.Due)}: {review.Label}");

    /// <summary>
    /// The reminder as a team channel sees it: who it is for and when it is due, nothing about the child or the plan
    /// (no title, label, age or kind); the owner opens the whole reminder in their personal chat.
    /// </summary>
    public static CardReply TeamNotice(string reviewId, DateOnly due, string forWhom) => new(
        TeamTemplate,
        new JsonObject
        {
            ["reviewId"] = reviewId,
            ["for"] = forWhom,
            ["due"] = Show(due),
        },
        $"A plan review is due by {Show(due)} for {forWhom}. Its details are in their personal chat with KitBot.");

    /// <summary>The practitioner's upcoming reviews, each with its actions; undeliverable ones are flagged.</summary>
    public static CardReply MyReviews(IReadOnlyList<ReviewSnapshot> reviews, DateOnly today, string? planId = null) => new(
        MyReviewsTemplate,
        new JsonObject
        {
            ["title"] = planId is null ? "My reviews" : "Reviews for this plan",
            ["empty"] = reviews.Count == 0,
            ["minDate"] = Wire(today),
            ["reviews"] = new JsonArray(reviews.Select(r => (JsonNode)new JsonObject
            {
                ["reviewId"] = r.Id,
                ["planId"] = r.PlanId,
                ["stage"] = r.Kind == ReviewKind.LifeStage ? r.Label : string.Empty,
                ["label"] = r.Label,
                ["due"] = Show(r.Due),
                ["status"] = StatusText(r.State),
                ["undeliverable"] = r.State is ReviewState.Undeliverable or ReviewState.Failed,
                ["dateInput"] = $"{ReviewVerbs.Date}_{r.Id}",
            }).ToArray()),
        },
        reviews.Count == 0 ? "You have no upcoming reviews." : $"You have {reviews.Count} upcoming review(s).");

    /// <summary>
    /// Asks which plan (preselected when known), where the child is in the process and the date it started; what the
    /// practitioner typed before (<paramref name="typed"/>) is filled in again when the card is asked again.
    /// </summary>
    /// <param name="plans">The practitioner's plans.</param>
    /// <param name="plan">The plan preselected, if known.</param>
    /// <param name="typed">The card as submitted before, to fill in again.</param>
    /// <param name="events">The events whose dates the card asks for (optional inputs); the default events when null.</param>
    public static CardReply Setup(IReadOnlyList<Plans.PlanState> plans, Plans.PlanState? plan, CardAction? typed = null, IReadOnlyList<EventRule>? events = null)
    {
        ArgumentNullException.ThrowIfNull(plans);
        // Life-stage prompts need the child's age: unless typed, it starts from the plan's age band (the band's middle
        // year, rounded down), for the practitioner to correct.
        var age = typed?.Value("age") ?? AgeFromBand(plan?.AgeBand);
        var eventInputs = new JsonArray([.. (events ?? ReviewRuleOptions.DefaultEvents).Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id,
            ["label"] = $"{e.Event}: its date, if known (optional, for a review {ReviewRules.Describe(e.After)} after it)",
            ["value"] = typed?.Value(e.Id) ?? "",
        })]);
        return new CardReply(
            SetupTemplate,
            new JsonObject
            {
                ["pid"] = plan?.Id ?? "",
                ["plans"] = new JsonArray([.. plans.Select(p => (JsonNode)new JsonObject { ["title"] = p.Title, ["value"] = p.Id })]),
                // The stage starts from where the child was in their journey when the plan was drafted.
                ["stage"] = typed?.Value("stage") ?? StageFromJourney(plan?.Journey)?.ToString() ?? "",
                ["start"] = typed?.Value("start") ?? "",
                ["hasAge"] = age is not null && int.TryParse(age, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
                ["age"] = int.TryParse(age, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : 0,
                ["events"] = eventInputs,
                ["stages"] = new JsonArray(
                    Option("Placed for adoption (date of placement)", nameof(ReviewStage.PlacedForAdoption)),
                    Option("Authorised to be placed, not yet placed (date of the authority)", nameof(ReviewStage.AuthorisedNotPlaced)),
                    Option("Adoption order made (date of the order)", nameof(ReviewStage.AfterAdoptionOrder))),
            },
            plan is null
                ? "Set up plan reviews: choose the plan, the stage and the date it started."
                : $"Set up reviews for {plan.Title}: choose the stage and the date it started.");
    }

    /// <summary>The review stage for a consultation's journey stage id, or null where reviews have no statutory stage.</summary>
    public static ReviewStage? StageFromJourney(string? journey) => journey switch
    {
        "placed" => ReviewStage.PlacedForAdoption,
        "placement-order" => ReviewStage.AuthorisedNotPlaced,
        "adopted" => ReviewStage.AfterAdoptionOrder,
        _ => null,
    };

    /// <summary>The middle whole year of an age band such as "5-10" or "under-2" (1), or null when there is none.</summary>
    public static string? AgeFromBand(string? band)
    {
        if (string.IsNullOrEmpty(band))
        {
            return null;
        }

        if (band.StartsWith("under-", StringComparison.Ordinal) && int.TryParse(band["under-".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var under))
        {
            return (under / 2).ToString(CultureInfo.InvariantCulture);
        }

        var parts = band.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var high)
            ? ((low + high) / 2).ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The proposed dates for a plan, each one kept or dropped and movable, plus a date of the practitioner's own.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="stage">The stage.</param>
    /// <param name="start">The placement, authority or order date.</param>
    /// <param name="age">The child's age on the start date, if given.</param>
    /// <param name="proposals">The proposed reviews.</param>
    /// <param name="asOf">The day the dates were worked out from, carried so the confirmed card gives the same list.</param>
    /// <param name="events">The event dates given, by event id, carried the same way.</param>
    public static CardReply Proposals(
        Plans.PlanState plan, ReviewStage stage, DateOnly start, int? age, IReadOnlyList<ProposedReview> proposals,
        DateOnly? asOf = null, IReadOnlyDictionary<string, DateOnly>? events = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(proposals);
        return new CardReply(
            ProposalsTemplate,
            new JsonObject
            {
                ["pid"] = plan.Id,
                ["planTitle"] = plan.Title,
                ["stage"] = stage.ToString(),
                ["start"] = Wire(start),
                ["startText"] = Show(start),
                ["age"] = age?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["asOf"] = Wire(asOf ?? start),
                ["events"] = string.Join(';', (events ?? new Dictionary<string, DateOnly>()).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={Wire(e.Value)}")),
                ["count"] = proposals.Count.ToString(CultureInfo.InvariantCulture),
                ["proposals"] = new JsonArray(proposals.Select((p, i) => (JsonNode)new JsonObject
                {
                    ["keepId"] = $"keep_{i}",
                    ["dueId"] = $"due_{i}",
                    ["label"] = p.Label,
                    ["due"] = Wire(p.Due),
                    ["dueText"] = Show(p.Due),
                }).ToArray()),
            },
            $"Proposed review dates for {plan.Title} from {Show(start)}: keep, drop or move any, or add your own.");
    }

    /// <summary>Asks before stopping every reminder for a plan, saying what stops (statutory reviews too).</summary>
    public static CardReply StopConfirm(ReviewSnapshot review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new CardReply(
            StopTemplate,
            new JsonObject { ["reviewId"] = review.Id, ["planId"] = review.PlanId, ["label"] = review.Label },
            "Stop every reminder for this plan?");
    }

    /// <summary>Reads the event dates a proposals card carries (<c>id=yyyy-MM-dd;...</c>); unknown or broken parts are left out.</summary>
    public static IReadOnlyDictionary<string, DateOnly> ReadEvents(string? carried, IReadOnlyList<EventRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var found = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var part in (carried ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && rules.Any(r => r.Id == pair[0]) && ReadDate(pair[1]) is { } date)
            {
                found[pair[0]] = date;
            }
        }

        return found;
    }

    private static JsonObject Option(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static string KindText(ReviewKind kind) => kind switch
    {
        ReviewKind.Statutory => "Statutory review",
        ReviewKind.Annual => "Yearly review",
        ReviewKind.LifeStage => "Life-stage prompt",
        ReviewKind.Event => "Review after an event",
        _ => "Review you added",
    };

    private static string StatusText(ReviewState state) => state switch
    {
        ReviewState.Pending => "Upcoming",
        ReviewState.Snoozed => "Snoozed",
        ReviewState.Sending or ReviewState.Sent => "Reminder sent",
        ReviewState.Undeliverable => "Could not be delivered: KitBot cannot reach this chat",
        ReviewState.Failed => "Could not be delivered",
        ReviewState.Done => "Reviewed",
        _ => "Stopped",
    };
}
