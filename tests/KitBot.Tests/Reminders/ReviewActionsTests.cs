using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using static KitBot.Tests.Reminders.ReminderScenario;

namespace KitBot.Tests.Reminders;

/// <summary>What the reminder card's buttons change about what happens next, on a fake clock.</summary>
public sealed class ReviewActionsTests
{
    [Fact]
    public async Task SnoozeOneDay_BringsTheReminderBackNextWorkingMorning_Once()
    {
        await using var s = await StartAsync("2025-06-13T08:30:00Z");   // Friday 09:30 BST
        var review = await s.AddReviewAsync("2025-06-13");
        Assert.Equal(1, await s.SweepAtAsync("2025-06-13T08:30:00Z"));

        await s.ActAsync(ReviewVerbs.Snooze, (ReviewVerbs.ReviewId, review.Id), (ReviewVerbs.Days, "1"));

        // A day later is Saturday: the reminder comes back on Monday at 09:30, once.
        Assert.Equal(0, await s.SweepAtAsync("2025-06-14T08:30:00Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T08:29:00Z"));
        Assert.Equal(1, await s.SweepAtAsync("2025-06-16T08:30:00Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-17T08:30:00Z"));
        Assert.Equal(2, s.Connector.Calls.Count);
    }

    [Fact]
    public async Task SnoozeOneWeek_WaitsAWeek()
    {
        await using var s = await StartAsync("2025-06-16T10:00:00Z");
        var review = await s.AddReviewAsync("2025-06-16");
        await s.SweepAtAsync("2025-06-16T10:00:00Z");

        await s.ActAsync(ReviewVerbs.Snooze, (ReviewVerbs.ReviewId, review.Id), (ReviewVerbs.Days, "7"));

        Assert.Equal(0, await s.SweepAtAsync("2025-06-23T09:59:00Z"));
        Assert.Equal(1, await s.SweepAtAsync("2025-06-23T10:00:00Z"));
        Assert.Equal(ReviewState.Sent, (await s.ReviewAsync(review.Id)).State);
    }

    [Fact]
    public async Task Reschedule_MovesTheReviewAndItsReminder()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        var review = await s.AddReviewAsync("2025-06-16");
        await s.SweepAtAsync("2025-06-16T08:30:00Z");

        var replies = await s.ActAsync(ReviewVerbs.Reschedule, (ReviewVerbs.ReviewId, review.Id), (ReviewVerbs.Date, "2025-07-04"));

        Assert.Contains("Friday 4 July 2025", Assert.IsType<TextReply>(Assert.Single(replies!)).Text);
        Assert.Equal(Date("2025-07-04"), (await s.ReviewAsync(review.Id)).DueDate);
        Assert.Equal(0, await s.SweepAtAsync("2025-07-04T08:29:00Z"));
        Assert.Equal(1, await s.SweepAtAsync("2025-07-04T08:30:00Z"));
        Assert.Equal(2, s.Connector.Calls.Count);
    }

    [Fact]
    public async Task Reschedule_ToAPastDate_ChangesNothing()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        var review = await s.AddReviewAsync("2025-06-20");

        var replies = await s.ActAsync(ReviewVerbs.Reschedule, (ReviewVerbs.ReviewId, review.Id), (ReviewVerbs.Date, "2025-06-01"));

        Assert.Contains("passed", Assert.IsType<TextReply>(Assert.Single(replies!)).Text);
        Assert.Equal(Date("2025-06-20"), (await s.ReviewAsync(review.Id)).DueDate);
    }

    [Fact]
    public async Task MarkReviewed_ClosesTheReview_AndSchedulesTheNextFromToday()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        var review = await s.AddReviewAsync("2025-06-16", sequence: 1);
        await s.SweepAtAsync("2025-06-16T08:30:00Z");
        var doneAt = s.Clock.GetUtcNow();

        var replies = await s.ActAsync(ReviewVerbs.Done, (ReviewVerbs.ReviewId, review.Id));

        Assert.Contains("Tuesday 16 September 2025", Assert.IsType<TextReply>(Assert.Single(replies!)).Text);
        Assert.Equal(ReviewState.Done, (await s.ReviewAsync(review.Id)).State);
        var next = Assert.Single(await s.Host.Reviews.ListOpenAsync(User, "plan-1", CancellationToken.None));
        Assert.Equal((ReviewKind.Statutory, 2, Date("2025-09-16")), (next.Kind, next.Sequence, next.DueDate));

        // The done review never comes back; the next one arrives on its day.
        Assert.Equal(0, await s.SweepAtAsync("2025-09-16T08:29:00Z"));
        Assert.Equal(1, await s.SweepAtAsync("2025-09-16T08:30:00Z"));
        Assert.Equal(2, s.Connector.Calls.Count);

        // Pressing it again on the old card changes nothing.
        var again = await s.ActAsync(ReviewVerbs.Done, (ReviewVerbs.ReviewId, review.Id));
        Assert.Contains("already", Assert.IsType<TextReply>(Assert.Single(again!)).Text);
        Assert.Single(await s.Host.Reviews.ListOpenAsync(User, "plan-1", CancellationToken.None));

        // The audit trail has the one action that changed something: who, what, which review, when; no content.
        var audit = Assert.Single(await s.Host.Get<KitBot.Privacy.AuditLog>().ListAsync(User, CancellationToken.None));
        Assert.Equal((ReviewVerbs.Done, review.Id, doneAt), (audit.Action, audit.Subject, audit.At));
    }

    [Fact]
    public async Task Stop_CancelsEveryReviewOfThePlan()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        var first = await s.AddReviewAsync("2025-06-16", sequence: 1);
        await s.AddReviewAsync("2025-09-16", sequence: 2);
        await s.SweepAtAsync("2025-06-16T08:30:00Z");

        // Stopping stops the statutory reviews too, so KitBot asks first; nothing stops until "Yes".
        var asked = await s.ActAsync(ReviewVerbs.Stop, (ReviewVerbs.ReviewId, first.Id));
        Assert.Equal(ReviewCards.StopTemplate, Assert.IsType<CardReply>(Assert.Single(asked!)).Template);
        Assert.Equal(2, (await s.Host.Reviews.ListOpenAsync(User, "plan-1", CancellationToken.None)).Count);
        await s.ActAsync(ReviewVerbs.StopConfirmed, (ReviewVerbs.ReviewId, first.Id));

        Assert.Equal(0, await s.SweepAtAsync("2026-06-16T08:30:00Z"));
        Assert.Single(s.Connector.Calls);
        Assert.Empty(await s.Host.Reviews.ListOpenAsync(User, null, CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneElsesReview_IsNotFound_AndUnchanged()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        var review = await s.AddReviewAsync("2025-06-20");
        var stranger = await s.RunAsync("someone-else", "other",
            new CardActionInput(new CardAction(ReviewVerbs.StopConfirmed, null, null, new Dictionary<string, string> { [ReviewVerbs.ReviewId] = review.Id })));

        Assert.Contains("could not find", Assert.IsType<TextReply>(Assert.Single(stranger!)).Text);
        Assert.Equal(ReviewState.Pending, (await s.ReviewAsync(review.Id)).State);
    }

    [Fact]
    public async Task ConfirmingProposals_SavesKeptAndMovedDates_PlusOwn_Once()
    {
        await using var s = await StartAsync("2025-01-15T10:00:00Z");
        (string, string)[] card =
        [
            ("stage", "PlacedForAdoption"), ("start", "2025-01-15"), ("age", ""), ("pid", "plan-1"),
            ("keep_0", "true"), ("due_0", "2025-02-10"),   // moved earlier
            ("keep_1", "false"), ("due_1", "2025-05-12"),  // dropped
            ("extra", "2025-03-03"),
        ];

        var replies = await s.ActAsync(ReviewVerbs.Confirm, card);
        await s.ActAsync(ReviewVerbs.Confirm, card);   // a double click

        Assert.StartsWith("Saved 5 review date(s)", Assert.IsType<TextReply>(replies![0]).Text);
        var saved = await s.Host.Reviews.ListOpenAsync(User, null, CancellationToken.None);
        Assert.Equal(
            [Date("2025-02-10"), Date("2025-03-03"), Date("2025-11-12"), Date("2026-05-12"), Date("2026-11-12")],
            saved.Select(r => r.DueDate));
        Assert.Equal(ReviewKind.Custom, saved[1].Kind);
        Assert.All(saved, r => Assert.Equal("Europe/London", r.TimeZone));

        // The moved first review (Monday 10 February) arrives at 09:30 that day.
        Assert.Equal(0, await s.SweepAtAsync("2025-02-10T09:29:00Z"));
        Assert.Equal(1, await s.SweepAtAsync("2025-02-10T09:30:00Z"));
    }

    [Fact]
    public async Task TypedMyReviews_ListsUpcomingReviewsSoonestFirst()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        await s.AddReviewAsync("2025-09-16", sequence: 2);
        await s.AddReviewAsync("2025-06-20", sequence: 1);

        var card = Assert.IsType<CardReply>(Assert.Single((await s.TypeAsync("My reviews"))!));

        Assert.Equal(
            ["Friday 20 June 2025", "Tuesday 16 September 2025"],
            card.Data["reviews"]!.AsArray().Select(r => r!["due"]!.GetValue<string>()));
        Assert.Null(await s.TypeAsync("hello"));
    }

    [Fact]
    public async Task ABankHolidayInSettings_MovesASavedDueDateToTheWorkingDayBefore()
    {
        // Wednesday 12 February 2025 made a bank holiday in settings: the four-week review is due Tuesday 11th, and
        // the second, three months from the 11th (Sunday 11 May), on Friday 9 May.
        await using var s = await StartAsync("2025-01-15T10:00:00Z", "Reminders:WorkingHours:BankHolidays:0=2025-02-12");

        await s.ActAsync(ReviewVerbs.Confirm, ("stage", "PlacedForAdoption"), ("start", "15/01/2025"), ("age", ""), ("pid", "plan-1"));

        var saved = await s.Host.Reviews.ListOpenAsync(User, null, CancellationToken.None);
        Assert.Equal([Date("2025-02-11"), Date("2025-05-09")], saved.Take(2).Select(r => r.DueDate));
    }

    [Fact]
    public async Task APlacement_ReplacesThePlacementOrderSchedule()
    {
        await using var s = await StartAsync("2025-01-15T10:00:00Z");
        await s.ActAsync(ReviewVerbs.Confirm, ("stage", "AuthorisedNotPlaced"), ("start", "2025-01-06"), ("age", ""), ("pid", "plan-1"));
        var authorised = await s.Host.Reviews.ListOpenAsync(User, null, CancellationToken.None);
        Assert.All(authorised, r => Assert.Equal(ReviewStage.AuthorisedNotPlaced, r.Stage));

        var replies = await s.ActAsync(ReviewVerbs.Confirm, ("stage", "PlacedForAdoption"), ("start", "2025-01-15"), ("age", ""), ("pid", "plan-1"));

        Assert.StartsWith("Saved 5 review date(s)", Assert.IsType<TextReply>(replies![0]).Text);
        var open = await s.Host.Reviews.ListOpenAsync(User, null, CancellationToken.None);
        Assert.All(open, r => Assert.Equal(ReviewStage.PlacedForAdoption, r.Stage));
        Assert.Equal(Date("2025-02-12"), open[0].DueDate);
        Assert.All(authorised, r => Assert.DoesNotContain(open, o => o.Id == r.Id));
    }

    [Fact]
    public async Task AnOrderTwoYearsAgo_SavesTheReviewsStillAhead_NoneLeftOut()
    {
        // The case: an order made 2 December 2024, set up on Monday 7 December 2026.
        await using var s = await StartAsync("2026-12-07T10:00:00Z");

        var replies = await s.ActAsync(ReviewVerbs.Confirm,
            ("stage", "AfterAdoptionOrder"), ("start", "2 December 2024"), ("age", "6"), ("pid", "plan-1"), ("asOf", "2026-12-07"));

        Assert.StartsWith("Saved 5 review date(s)", Assert.IsType<TextReply>(replies![0]).Text);
        Assert.DoesNotContain("in the past", ((TextReply)replies[0]).Text, StringComparison.Ordinal);
        var saved = await s.Host.Reviews.ListOpenAsync(User, null, CancellationToken.None);
        Assert.Equal(Date("2027-12-02"), saved[0].DueDate);
    }
}
