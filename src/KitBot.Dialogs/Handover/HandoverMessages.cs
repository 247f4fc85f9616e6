namespace KitBot.Dialogs.Handover;

/// <summary>
/// What KitBot says about hand-over codes and reminder partners. Plan titles carry no names (an age band and a date),
/// so they may be said; a code is only ever said to the owner who asked for it.
/// </summary>
public static class HandoverMessages
{
    /// <summary>The owner's code for handing <paramref name="title"/> over, and what the colleague must type.</summary>
    public static string HandoverOffer(string title, string code, string expires) =>
        $"Your hand-over code for \"{title}\" is {HandoverCodes.Show(code)}. It works once, until {expires}.\n\n"
        + $"Give it to your colleague directly (not in a shared channel) and ask them to type take over {HandoverCodes.Show(code)} "
        + "in their own chat with KitBot, in Teams, Slack or the terminal. The plan and its reviews then move to them, "
        + "and it will no longer be in your plans. If you change your mind, simply do not pass the code on: it expires by itself.";

    /// <summary>The owner's code for naming a reminder partner for <paramref name="title"/>.</summary>
    public static string PartnerOffer(string title, string code, string expires, int workingDays) =>
        $"Your reminder partner code for \"{title}\" is {HandoverCodes.Show(code)}. It works once, until {expires}.\n\n"
        + $"Give it to the colleague who should share this plan's review reminders (for example your team manager) and ask them to type "
        + $"share reminders {HandoverCodes.Show(code)} in their own chat with KitBot. They will then get a review reminder when your chat "
        + $"cannot be reached, or when a reminder has gone unanswered for {workingDays} working days. They do not see the plan itself.";

    /// <summary>"hand over" without a plan it can tell.</summary>
    public const string WhichPlan =
        "Which plan? Open my plans and press Hand over (or Reminder partner) on the plan, or type hand over 1 for the newest plan in My plans.";

    /// <summary>A hand-over button for a plan that is no longer this person's.</summary>
    public const string NotYours = "That plan is no longer in your plans (it may have been deleted or handed over), so no code was made. Type my plans to see yours.";

    /// <summary>"hand over" with no plans.</summary>
    public const string NoPlans = "You have no plans to hand over yet. A plan is drafted at the end of a consultation.";

    /// <summary>"take over" or "share reminders" with nothing that looks like a code.</summary>
    public const string NeedCode =
        "Please type the code with it, for example take over ABCD-EFGH. The code has eight letters and numbers; the plan's owner gets it from KitBot.";

    /// <summary>A code KitBot never gave (or mistyped).</summary>
    public const string Wrong =
        "I do not recognise that code, so nothing has changed. Please check it with the colleague who gave it to you: it has eight letters and numbers, such as ABCD-EFGH.";

    /// <summary>A code past its 48 hours.</summary>
    public const string Expired =
        "That code has expired (codes work for 48 hours), so nothing has changed. Please ask the plan's owner for a new one.";

    /// <summary>A code someone has already used.</summary>
    public const string Used =
        "That code has already been used, so nothing has changed. Each code works once: please ask the plan's owner for a new one.";

    /// <summary>The owner typed their own code.</summary>
    public const string OwnCode =
        "That is your own code: it is for the colleague you are passing it to. They type it in their own chat with KitBot.";

    /// <summary>The plan went before the code was used (the owner deleted it, or it was handed to someone else).</summary>
    public const string PlanGone =
        "That plan is no longer with the colleague who gave you the code (it may have been deleted or handed over already), so nothing has changed.";

    /// <summary>The colleague already has as many plans as KitBot keeps.</summary>
    public static string TooMany(int max) =>
        $"You already have {max} plans, the most KitBot keeps for one person, so nothing has changed. Please delete one you no longer need (in my plans) and type the code again: it still works.";

    /// <summary>The colleague, after taking <paramref name="title"/> over.</summary>
    public static string TakenOver(string title, int reviews) =>
        $"\"{title}\" is now yours, with {reviews} open review(s): their reminders will come to this chat. Type my plans or my reviews to see them.";

    /// <summary>The colleague typed a code they already used for a hand-over.</summary>
    public static string AlreadyTaken(string title) =>
        $"You have already taken over \"{title}\" with that code, so nothing more has changed. Type my plans to see it.";

    /// <summary>The owner, once the colleague has taken <paramref name="title"/> over.</summary>
    public static string HandedOver(string title) =>
        $"Your colleague has taken over \"{title}\" with your hand-over code. The plan and its reviews are now with them, and it is no longer in your plans.";

    /// <summary>The colleague, once they share a plan's reminders.</summary>
    public static string Sharing(int workingDays) =>
        "You are now the reminder partner for a colleague's plan. I will send you its review reminder if their chat cannot be reached, "
        + $"or if a reminder goes unanswered for {workingDays} working days. You will not see the plan itself.";

    /// <summary>The colleague typed a partner code they already used.</summary>
    public const string AlreadySharing = "You are already the reminder partner for that plan, so nothing more has changed.";

    /// <summary>The owner, once the colleague shares the reminders of <paramref name="title"/>.</summary>
    public static string PartnerAccepted(string title) =>
        $"Your colleague is now the reminder partner for \"{title}\": they will get a review reminder if yours cannot reach you or goes unanswered.";

    /// <summary>The partner, when the owner's chat cannot be reached.</summary>
    public static string EscalatedUnreachable(string label, string due) =>
        $"A review reminder for a plan you are reminder partner for could not reach the practitioner who holds the plan: {label}, due {due}. "
        + "Please check in with them so the review still happens. The plan's details stay with them.";

    /// <summary>The partner, when the reminder has gone unanswered.</summary>
    public static string EscalatedUnanswered(string label, string due, int workingDays) =>
        $"A review reminder for a plan you are reminder partner for has not been answered for {workingDays} working days: {label}, due {due}. "
        + "Please check in with the practitioner who holds the plan so the review still happens. The plan's details stay with them.";
}
