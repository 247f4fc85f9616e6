using System.Globalization;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using KitBot.Testing;

namespace KitBot.Tests.Journeys;

/// <summary>
/// The journeys a practitioner takes in Teams, pressing only what the cards show: from the welcome card through a
/// consultation to the plan, then the plan's reviews from set-up to the reminders and back.
/// </summary>
public sealed class ReviewJourneyTests : IAsyncLifetime
{
    private const string User = "29:journey-user";
    private TeamsChat _chat = null!;

    public async Task InitializeAsync() => _chat = await TeamsChat.StartAsync("a:journey-chat", User);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    /// <summary>From the welcome card, a whole consultation, pressing each card's own next button, to the plan.</summary>
    internal static async Task ConsultAsync(CardUser me)
    {
        await me.StartAsync();
        await me.PressAsync("Start a consultation");
        for (var press = 0; press < 20 && me.Find(a => Verb(a) == "plan.save") is null; press++)
        {
            var card = me.LastCard;
            var next = (card["actions"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(a => Verb(a) is { } v && v.StartsWith("consult.", StringComparison.Ordinal) && v != "consult.back")
                ?? throw new InvalidOperationException("The consultation card shows no way on: " + card.ToJsonString()[..Math.Min(400, card.ToJsonString().Length)]);
            await me.PressAsync(card, next, new Dictionary<string, string> { ["rel0"] = CardUser.FirstChoice, ["label0"] = "Older brother" });
        }

        Assert.True(me.Find(a => Verb(a) == "plan.save") is not null,
            "No plan card arrived. Last said: " + string.Join(" | ", me.LatestTexts) + " Last card: " + me.LastCard.ToJsonString()[..Math.Min(300, me.LastCard.ToJsonString().Length)]);
    }

    [Fact]
    public async Task Plan_SetUpReviews_Confirm_ReminderInWorkingHours_Snooze_Again_MarkReviewed_Next_Stop()
    {
        await ConsultAsync(_chat.Me);

        // My plans and reviews → Set up reviews for the plan just drafted.
        await _chat.Me.TypeAsync("my plans and reviews");
        await _chat.Me.PressAsync("Set up reviews");
        await _chat.Me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.PlacedForAdoption), ["start"] = "2026-11-16" });
        await _chat.Me.PressAsync("Save these dates");
        Assert.Contains(_chat.Me.LatestTexts, t => t.Contains("Saved", StringComparison.Ordinal) && t.Contains("review date", StringComparison.Ordinal));

        var reviews = _chat.Host.Get<IReviewStore>();
        var open = await reviews.ListOpenAsync(User, null, CancellationToken.None);
        Assert.NotEmpty(open);
        var first = open.OrderBy(r => r.DueAt).First();

        // The reminder arrives at its working-hours slot (a weekday, 09:30 London), not before.
        Assert.Equal(0, await SweepAtAsync(first.RemindAt.AddMinutes(-1)));
        Assert.Equal(1, await SweepAtAsync(first.RemindAt));
        var slot = TimeZoneInfo.ConvertTime(first.RemindAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.True(slot.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && slot.TimeOfDay == new TimeSpan(9, 30, 0), $"reminded at {slot}");
        Assert.Contains("Plan review due", _chat.Me.LastCard.ToJsonString(), StringComparison.Ordinal);

        await _chat.Me.PressAsync("Snooze 1 day");
        Assert.Contains(_chat.Me.LatestTexts, t => t.Contains("Snoozed", StringComparison.Ordinal));
        var snoozed = (await reviews.GetAsync(first.Id, CancellationToken.None))!;
        Assert.Equal(ReviewState.Snoozed, snoozed.State);
        var remindersBefore = _chat.Me.Received.Count(c => CardUser.Card(c)?.ToJsonString().Contains("Plan review due", StringComparison.Ordinal) == true);
        Assert.Equal(1, await SweepAtAsync(snoozed.RemindAt));
        Assert.Equal(remindersBefore + 1, _chat.Me.Received.Count(c => CardUser.Card(c)?.ToJsonString().Contains("Plan review due", StringComparison.Ordinal) == true));

        await _chat.Me.PressAsync("Mark reviewed");
        Assert.Contains(_chat.Me.LatestTexts, t => t.Contains("Marked reviewed", StringComparison.Ordinal));
        Assert.Equal(ReviewState.Done, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);
        var after = await reviews.ListOpenAsync(User, first.PlanId, CancellationToken.None);
        Assert.Contains(after, r => r.Kind == first.Kind && r.Sequence == first.Sequence + 1);

        // Stop reminders asks first, saying the statutory reviews stop too; only "Yes" stops them.
        await _chat.Me.TypeAsync("my reviews");
        await _chat.Me.PressAsync("Stop reminders for this plan");
        Assert.Contains("statutory", _chat.Me.LastCard.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEmpty(await reviews.ListOpenAsync(User, first.PlanId, CancellationToken.None));
        await _chat.Me.PressAsync("Yes, stop all reminders for this plan");
        Assert.Empty(await reviews.ListOpenAsync(User, first.PlanId, CancellationToken.None));
    }

    [Fact]
    public async Task EightSimultaneousConfirms_OfOneProposal_SaveExactlyOneSet_TwentyRunsOutOfTwenty()
    {
        await ConsultAsync(_chat.Me);
        await _chat.Me.TypeAsync("my plans and reviews");
        await _chat.Me.PressAsync("Set up reviews");
        var reviews = _chat.Host.Get<IReviewStore>();
        for (var run = 0; run < 20; run++)
        {
            // A fresh proposal each run (another start date), confirmed by eight presses at once.
            var start = new DateOnly(2026, 11, 16).AddDays(-run).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await _chat.Me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.PlacedForAdoption), ["start"] = start });
            var (card, save) = _chat.Me.Find(a => a["title"]?.GetValue<string>() == "Save these dates")!.Value;
            var proposed = CardScreen.Descendants(card).Count(o => o["id"]?.GetValue<string>()?.StartsWith("keep_", StringComparison.Ordinal) == true);
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _chat.Me.PressAsync(card, save))));

            var open = await reviews.ListOpenAsync(User, null, CancellationToken.None);
            Assert.Equal(proposed, open.Count);
            Assert.Equal(open.Count, open.Select(r => (r.Kind, r.Sequence)).Distinct().Count());
            await _chat.Me.PressAsync("Set up reviews");
        }
    }

    private async Task<int> SweepAtAsync(DateTimeOffset at)
    {
        _chat.Clock.SetUtcNow(at);
        var sent = await _chat.Host.Delivery.SweepAsync(CancellationToken.None);
        _chat.Me.Catch();
        return sent;
    }

    private static string? Verb(JsonObject action) => action["data"]?["verb"]?.GetValue<string>();
}
