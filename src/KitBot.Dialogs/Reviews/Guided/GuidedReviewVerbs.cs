namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>
/// The guided review's verbs and data keys. Starting and answering are pure dialog steps the core answers; accepting
/// changes the plan and the reviews table, so the host answers it (its ReviewActions) with
/// <see cref="GuidedReviews.Accept"/>.
/// </summary>
public static class GuidedReviewVerbs
{
    /// <summary>Opens the review questions for a plan (with <c>pid</c>, and <c>rid</c> from a reminder or My reviews).</summary>
    public const string Start = "review.guide";

    /// <summary>"Something has changed" on a plan (with <c>pid</c>, or typed): the same questions, outside the schedule.</summary>
    public const string Changed = "review.changed";

    /// <summary>The answers: KitBot proposes changes (nothing is changed yet).</summary>
    public const string Answer = "review.answer";

    /// <summary>Accept the kept proposals: a new plan version, the review marked done, perhaps the next one earlier.</summary>
    public const string Accept = "review.accept";

    /// <summary>The data key for the plan version the proposals were made against.</summary>
    public const string PlanVersion = "ver";

    /// <summary>The data key for the sections of the proposals, in order, separated by commas.</summary>
    public const string ProposalSections = "secs";

    /// <summary>The data key for the proposed earlier review date (yyyy-MM-dd), when one is proposed.</summary>
    public const string EarlierDate = "early";

    /// <summary>The toggle that keeps the earlier review.</summary>
    public const string EarlierKeep = "earlyKeep";

    /// <summary>The text box of proposal <paramref name="n"/> (1-based).</summary>
    public static string ProposalText(int n) => "pt" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The keep toggle of proposal <paramref name="n"/> (1-based).</summary>
    public static string ProposalKeep(int n) => "pk" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
