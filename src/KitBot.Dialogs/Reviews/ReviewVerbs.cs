namespace KitBot.Dialogs.Reviews;

/// <summary>
/// The card verbs for reviews, and the data keys they carry. Verbs in <see cref="Stored"/> change rows in the
/// reviews table, so the host answers them (its ReviewActions service) using the pure decisions in this folder;
/// the others are plain dialog steps the core answers through <see cref="Reviews.Register"/>. All sit in one verb table.
/// </summary>
public static class ReviewVerbs
{
    /// <summary>Asks for the stage and start date.</summary>
    public const string Setup = "review.setup";

    /// <summary>Proposes dates from the stage and start date.</summary>
    public const string Propose = "review.propose";

    /// <summary>Saves the confirmed dates.</summary>
    public const string Confirm = "review.confirm";

    /// <summary>Lists the practitioner's upcoming reviews.</summary>
    public const string List = "review.list";

    /// <summary>Opens the plan a review belongs to.</summary>
    public const string Open = "review.open";

    /// <summary>Marks a review done and schedules the next.</summary>
    public const string Done = "review.done";

    /// <summary>Puts a reminder off by <see cref="Days"/> days.</summary>
    public const string Snooze = "review.snooze";

    /// <summary>Moves a review to the date in the card's date input.</summary>
    public const string Reschedule = "review.reschedule";

    /// <summary>Stops every reminder for the review's plan.</summary>
    public const string Stop = "review.stop";

    /// <summary>Yes, stop every reminder for the plan (after <see cref="Stop"/> asked).</summary>
    public const string StopConfirmed = "review.stop.confirm";

    /// <summary>Opens a reminder posted in a team channel, in the owner's personal chat (the channel card holds no case details).</summary>
    public const string TeamOpen = "review.team.open";

    /// <summary>Typed in a team channel: the person's review reminders come to that channel from now on.</summary>
    public const string RouteHere = "review.route.here";

    /// <summary>Typed anywhere: the person's review reminders come to their personal chat again.</summary>
    public const string RoutePersonal = "review.route.me";

    /// <summary>What "send my reviews here" is typed as.</summary>
    public const string RouteHereCommand = "send my reviews here";

    /// <summary>What "send my reviews to me" is typed as.</summary>
    public const string RoutePersonalCommand = "send my reviews to me";

    /// <summary>The data key for a review id.</summary>
    public const string ReviewId = "rid";

    /// <summary>The data key for a plan id.</summary>
    public const string PlanId = "pid";

    /// <summary>The data key for a snooze length in days.</summary>
    public const string Days = "days";

    /// <summary>The input id for a new date; on a list card it is suffixed with <c>_</c> and the review id so ids stay unique.</summary>
    public const string Date = "date";

    /// <summary>The verbs whose handling reads or writes the reviews table.</summary>
    public static IReadOnlySet<string> Stored { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Confirm, List, Open, Done, Snooze, Reschedule, Stop, StopConfirmed, TeamOpen, Guided.GuidedReviewVerbs.Accept,
    };

    /// <summary>The verbs that choose where a person's reminders go (a team channel or their personal chat).</summary>
    public static IReadOnlySet<string> Routing { get; } = new HashSet<string>(StringComparer.Ordinal) { RouteHere, RoutePersonal };
}
