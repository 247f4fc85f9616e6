using System.Globalization;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews;

namespace KitBot.Dialogs.Handover;

/// <summary>
/// The decisions behind hand-over and reminder partners, as pure functions: whether a typed code can be used, which
/// plan "hand over 2" means, and when an unanswered reminder goes to the partner.
/// </summary>
public static class HandoverRules
{
    /// <summary>
    /// What <paramref name="ticket"/> (null when no code matched) means for <paramref name="userId"/> at
    /// <paramref name="now"/>. A used code says so before an expired one: its own user may finish the move again.
    /// </summary>
    public static HandoverCheck Check(HandoverTicket? ticket, string userId, DateTimeOffset now)
    {
        if (ticket is null)
        {
            return HandoverCheck.Wrong;
        }

        if (ticket.UsedAt is not null)
        {
            return ticket.UsedBy == userId ? HandoverCheck.UsedByYou : HandoverCheck.Used;
        }

        if (ticket.OwnerUserId == userId)
        {
            return HandoverCheck.OwnCode;
        }

        return now >= ticket.ExpiresAt ? HandoverCheck.Expired : HandoverCheck.Valid;
    }

    /// <summary>The most plans one person keeps (plan.json's <c>maxPlans</c>).</summary>
    public static int MaxPlans(Content.PracticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Plan.MaxPlans;
    }

    /// <summary>
    /// True when taking plan <paramref name="planId"/> over would go beyond <see cref="MaxPlans"/>: a hand-over never
    /// removes one of the colleague's own plans to make room (a new draft does, and says so).
    /// </summary>
    public static bool TooMany(Content.PracticeContent content, IReadOnlyList<PlanState> plans, string planId)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return plans.Count >= MaxPlans(content) && plans.All(p => p.Id != planId);
    }

    /// <summary>When a code given at <paramref name="created"/> stops working.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset created) => created + HandoverCodes.Lifetime;

    /// <summary>
    /// The plan "hand over ..." names: with nothing after it, the only plan (if there is just one); a number is the
    /// plan's place in My plans (newest first); words pick the one plan whose title holds them all. Null when none
    /// or several fit.
    /// </summary>
    public static PlanState? Pick(IReadOnlyList<PlanState> plans, string? which)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var listed = plans.OrderByDescending(p => p.Created).ThenByDescending(p => p.Id, StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(which))
        {
            return listed.Count == 1 ? listed[0] : null;
        }

        var words = which.Trim();
        if (int.TryParse(words.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 && n <= listed.Count ? listed[n - 1] : null;
        }

        var exact = listed.Where(p => string.Equals(p.Id, words, StringComparison.Ordinal)).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matching = listed.Where(p => parts.All(w => p.Title.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        return matching.Count == 1 ? matching[0] : null;
    }

    /// <summary>
    /// True when a reminder sent at <paramref name="sentAt"/> and still unanswered (not marked reviewed, snoozed,
    /// rescheduled or stopped) should go to the plan's reminder partner at <paramref name="now"/>: at least
    /// <paramref name="workingDays"/> whole working days have passed since the day it was sent, and it is now within
    /// working hours (a manager is not messaged at night either).
    /// </summary>
    public static bool Unanswered(DateTimeOffset sentAt, DateTimeOffset now, int workingDays, WorkingHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (now <= sentAt || hours.NextSlot(now) > now)
        {
            return false;
        }

        var sentDay = hours.LocalDate(sentAt);
        var today = hours.LocalDate(now);
        var passed = 0;
        for (var day = sentDay.AddDays(1); day <= today && passed < workingDays; day = day.AddDays(1))
        {
            if (hours.IsWorkingDay(day))
            {
                passed++;
            }
        }

        return passed >= workingDays;
    }
}
