using System.Text.RegularExpressions;
using KitBot.Dialogs.Reviews;
using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Journeys;

/// <summary>
/// Handing a plan over in Teams, pressing only what the cards show: practitioner A asks for a code from My plans,
/// colleague B types it in their own chat, and the plan, its reviews and its next reminder are B's.
/// </summary>
public sealed partial class HandoverJourneyTests : IAsyncLifetime
{
    private const string UserA = "29:handover-a";
    private const string UserB = "29:handover-b";
    private const string UserC = "29:handover-c";
    private FakeTimeProvider _clock = null!;
    private FakeConnector _connector = null!;
    private ReminderHost _host = null!;
    private CardUser _a = null!;
    private CardUser _b = null!;
    private CardUser _c = null!;

    public async Task InitializeAsync()
    {
        // Monday 16 November 2026, 10:00 in London.
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        _connector = await FakeConnector.StartAsync();
        _host = await ReminderHost.StartAsync(_clock);
        _a = new CardUser(_host, _connector, await _host.AddConversationAsync(_connector, "a:handover-chat-a", UserA), _clock);
        _b = new CardUser(_host, _connector, await _host.AddConversationAsync(_connector, "a:handover-chat-b", UserB), _clock);
        _c = new CardUser(_host, _connector, await _host.AddConversationAsync(_connector, "a:handover-chat-c", UserC), _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>A drafts a plan and saves its review dates, pressing the cards' own buttons.</summary>
    internal static async Task<string> PlanWithReviewsAsync(CardUser me)
    {
        await ReviewJourneyTests.ConsultAsync(me);
        await me.TypeAsync("my plans and reviews");
        var title = PlanTitle(me);
        await me.PressAsync("Set up reviews");
        await me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.PlacedForAdoption), ["start"] = "2026-11-16" });
        await me.PressAsync("Save these dates");
        Assert.Contains(me.LatestTexts, t => t.Contains("Saved", StringComparison.Ordinal));
        return title;
    }

    /// <summary>Presses <paramref name="button"/> on the plan in My plans and reads the code KitBot gives.</summary>
    internal static async Task<string> CodeAsync(CardUser me, string button, string command)
    {
        await me.TypeAsync("my plans");
        await me.PressAsync(button);
        var said = string.Join("\n", me.LatestTexts);
        var match = Regex.Match(said, command + @" ([A-Z2-9]{4}-[A-Z2-9]{4})");
        Assert.True(match.Success, "No code in: " + said);
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task AHandsAPlanToB_BHoldsItAndItsReviews_TheNextReminderReachesB_AndACannotSeeIt()
    {
        var title = await PlanWithReviewsAsync(_a);
        var reviews = _host.Get<IReviewStore>();
        var first = (await reviews.ListOpenAsync(UserA, null, CancellationToken.None)).OrderBy(r => r.RemindAt).First();
        var code = await CodeAsync(_a, "Hand over", "take over");
        Assert.Contains(_a.LatestTexts, t => t.Contains("expires by itself", StringComparison.Ordinal));

        // A wrong code changes nothing, and says so.
        await _b.StartAsync();
        await _b.TypeAsync("take over " + WrongCode(code));
        Assert.Contains(_b.LatestTexts, t => t.Contains("do not recognise that code", StringComparison.Ordinal));
        await _b.TypeAsync("my plans");
        Assert.DoesNotContain(title, _b.LastCard.ToJsonString(), StringComparison.Ordinal);

        // A's own code is for a colleague.
        await _a.TypeAsync("take over " + code);
        Assert.Contains(_a.LatestTexts, t => t.Contains("your own code", StringComparison.Ordinal));

        await _b.TypeAsync("take over " + code.ToLowerInvariant());
        Assert.Contains(_b.LatestTexts, t => t.Contains("is now yours", StringComparison.Ordinal) && t.Contains(title, StringComparison.Ordinal));
        _a.Catch();
        Assert.Contains(_a.Received.Select(c => c.Activity["text"]?.GetValue<string>() ?? ""), t => t.Contains("has taken over", StringComparison.Ordinal));

        // B's My plans and My reviews hold it.
        await _b.TypeAsync("my plans");
        Assert.Contains(title, _b.LastCard.ToJsonString(), StringComparison.Ordinal);
        await _b.PressAsync("My reviews");
        Assert.Contains(first.Label, _b.LastCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(first.Id, (await reviews.ListOpenAsync(UserB, null, CancellationToken.None)).OrderBy(r => r.RemindAt).First().Id);

        // A can no longer see it, nor its reviews.
        await _a.TypeAsync("my plans");
        Assert.DoesNotContain(title, _a.LastCard.ToJsonString(), StringComparison.Ordinal);
        await _a.TypeAsync("my reviews");
        Assert.DoesNotContain(first.Label, _a.LastCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await reviews.ListOpenAsync(UserA, null, CancellationToken.None));

        // The same code again: nothing more changes, and B is told; another colleague is told it was used.
        await _b.TypeAsync("take over " + code);
        Assert.Contains(_b.LatestTexts, t => t.Contains("already taken over", StringComparison.Ordinal));
        await _c.StartAsync();
        await _c.TypeAsync("take over " + code);
        Assert.Contains(_c.LatestTexts, t => t.Contains("already been used", StringComparison.Ordinal));
        await _c.TypeAsync("my plans");
        Assert.DoesNotContain(title, _c.LastCard.ToJsonString(), StringComparison.Ordinal);

        // The next reminder reaches B, not A.
        var aBefore = _a.Received.Count;
        _clock.SetUtcNow(first.RemindAt);
        Assert.Equal(1, await _host.Delivery.SweepAsync(CancellationToken.None));
        _b.Catch();
        Assert.Contains(_b.Latest, c => c.CardJson.Contains("Plan review due", StringComparison.Ordinal));
        Assert.Equal(aBefore, _a.Received.Count);

        // Audited by ids only: the plan id, never its title or the code.
        var audit = await _host.Get<AuditLog>().ListAsync(null, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "plan.takenover" && e.Subject == first.PlanId);
        Assert.Contains(audit, e => e.Action == "plan.handedover" && e.Subject == first.PlanId);
        Assert.DoesNotContain(audit, e => (e.Subject ?? "").Contains(code.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACodeOlderThan48Hours_ChangesNothing_AndSaysSo()
    {
        var title = await PlanWithReviewsAsync(_a);
        var code = await CodeAsync(_a, "Hand over", "take over");
        _clock.Advance(TimeSpan.FromHours(49));

        await _b.TypeAsync("take over " + code);
        Assert.Contains(_b.LatestTexts, t => t.Contains("expired", StringComparison.Ordinal));
        await _b.TypeAsync("my plans");
        Assert.DoesNotContain(title, _b.LastCard.ToJsonString(), StringComparison.Ordinal);
        await _a.TypeAsync("my plans");
        Assert.Contains(title, _a.LastCard.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEmpty(await _host.Get<IReviewStore>().ListOpenAsync(UserA, null, CancellationToken.None));
        Assert.Empty(await _host.Get<IReviewStore>().ListOpenAsync(UserB, null, CancellationToken.None));
    }

    [Fact]
    public async Task TwoColleaguesTypingOneCodeAtOnce_OneGetsThePlan_TheOtherIsTold()
    {
        var title = await PlanWithReviewsAsync(_a);
        var code = await CodeAsync(_a, "Hand over", "take over");

        await Task.WhenAll(Task.Run(() => _b.TypeAsync("take over " + code)), Task.Run(() => _c.TypeAsync("take over " + code)));

        var winners = new[] { _b, _c }.Count(p => p.LatestTexts.Any(t => t.Contains("is now yours", StringComparison.Ordinal)));
        var told = new[] { _b, _c }.Count(p => p.LatestTexts.Any(t => t.Contains("already been used", StringComparison.Ordinal)));
        Assert.Equal(1, winners);
        Assert.Equal(1, told);
        await _a.TypeAsync("my plans");
        Assert.DoesNotContain(title, _a.LastCard.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMe_DeletesTheCodesAPersonGave()
    {
        await PlanWithReviewsAsync(_a);
        var code = await CodeAsync(_a, "Hand over", "take over");
        await _host.Get<DataRetention>().ForgetAsync(UserA, CancellationToken.None);

        await _b.TypeAsync("take over " + code);
        Assert.Contains(_b.LatestTexts, t => t.Contains("do not recognise that code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterTheOwnersChatStoppedAnswering_TheWaitingReminderReachesTheColleagueWhoTakesOver()
    {
        await PlanWithReviewsAsync(_a);
        var reviews = _host.Get<IReviewStore>();
        var first = (await reviews.ListOpenAsync(UserA, null, CancellationToken.None)).OrderBy(r => r.RemindAt).First();
        _clock.SetUtcNow(first.RemindAt.AddHours(-2));
        var code = await CodeAsync(_a, "Hand over", "take over");

        // A leaves: their chat answers 403, and the reminder waits as undeliverable.
        _connector.Respond = (_, conversation) => conversation == "a:handover-chat-a" ? 403 : 201;
        _clock.SetUtcNow(first.RemindAt);
        await _host.Delivery.SweepAsync(CancellationToken.None);
        Assert.Equal(ReviewState.Undeliverable, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);

        await _b.TypeAsync("take over " + code);
        Assert.Contains(_b.LatestTexts, t => t.Contains("is now yours", StringComparison.Ordinal));
        Assert.Equal(1, await _host.Delivery.SweepAsync(CancellationToken.None));
        _b.Catch();
        Assert.Contains(_b.Latest, c => c.CardJson.Contains("Plan review due", StringComparison.Ordinal));
        Assert.Equal(ReviewState.Sent, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task TypedHandOver_NamesThePlanByNumber_AndAnOldCardsButtonForAPlanHandedOverMakesNoCode()
    {
        var title = await PlanWithReviewsAsync(_a);
        await _a.TypeAsync("hand over 2");
        Assert.Contains(_a.LatestTexts, t => t.Contains("Which plan?", StringComparison.Ordinal));
        await _a.TypeAsync("hand over 1");
        var code = System.Text.RegularExpressions.Regex.Match(string.Join("\n", _a.LatestTexts), @"take over ([A-Z2-9]{4}-[A-Z2-9]{4})").Groups[1].Value;
        Assert.Contains(title, string.Join("\n", _a.LatestTexts), StringComparison.Ordinal);

        await _a.TypeAsync("my plans");
        var (card, button) = _a.Find(a => a["title"]?.GetValue<string>() == "Hand over")!.Value;
        await _b.TypeAsync("take over " + code);
        Assert.Contains(_b.LatestTexts, t => t.Contains("is now yours", StringComparison.Ordinal));

        // A presses Hand over on the card still on screen: the plan is not theirs any more, and no code is made.
        await _a.PressAsync(card, button);
        Assert.Contains(_a.LatestTexts, t => t.Contains("no longer in your plans", StringComparison.Ordinal));
        Assert.DoesNotContain(_a.LatestTexts, t => t.Contains("take over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APlanHandedOverInTeams_IsTakenOverInTheTerminal()
    {
        var title = await PlanWithReviewsAsync(_a);
        var code = await CodeAsync(_a, "Hand over", "take over");
        var screen = new StringWriter();

        await _host.Get<KitBot.Channels.Console.ConsoleChat>().RunAsync(new StringReader($"take over {code}\nmy plans\nexit\n"), screen, CancellationToken.None);

        var output = screen.ToString();
        Assert.Contains("is now yours", output, StringComparison.Ordinal);
        Assert.True(output.LastIndexOf(title, StringComparison.Ordinal) > output.IndexOf("is now yours", StringComparison.Ordinal), output);
        Assert.Empty(await _host.Get<IReviewStore>().ListOpenAsync(UserA, null, CancellationToken.None));
        Assert.NotEmpty(await _host.Get<IReviewStore>().ListOpenAsync("console-user", null, CancellationToken.None));
    }

    private static string WrongCode(string code) => (code[0] == 'A' ? "B" : "A") + code[1..];

    private static string PlanTitle(CardUser me) =>
        me.LastCard["body"]!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>()
            .Where(o => o["type"]?.GetValue<string>() == "Container")
            .Select(o => o["items"]![0]!["text"]!.GetValue<string>())
            .First();
}
