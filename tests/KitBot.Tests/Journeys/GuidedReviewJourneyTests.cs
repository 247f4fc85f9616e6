using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using KitBot.Testing;
using KitBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Journeys;

/// <summary>
/// A living plan, pressing only what the cards show: a plan is drafted; its first review reminder arrives at its
/// slot; the guided review records unplanned social media contact for one person; KitBot suggests a changed
/// safeguard and an earlier next review; accepting makes version 2 and brings the next review forward; "what
/// changed" shows exactly the accepted change; the Word file holds version 2 and the history; version 1 still reads.
/// </summary>
public sealed class GuidedReviewJourneyTests : IAsyncLifetime
{
    private const string User = "29:living-plan-user";
    private FakeTimeProvider _clock = null!;
    private FakeConnector _connector = null!;
    private ReminderHost _host = null!;
    private CardUser _me = null!;

    public async Task InitializeAsync()
    {
        // Monday 16 November 2026, 10:00 in London.
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        _connector = await FakeConnector.StartAsync();
        _host = await ReminderHost.StartAsync(_clock);
        var chat = await _host.AddConversationAsync(_connector, "a:living-chat", User);
        _me = new CardUser(_host, _connector, chat, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Drafted_Reminded_Reviewed_Accepted_MakesVersion2_WithTheChangeAlone_AndAnEarlierReview()
    {
        await ReviewJourneyTests.ConsultAsync(_me);
        var planCard = _me.LastCard;
        var keepingInTouchV1 = CardScreen.Inputs(planCard).Single(i => i["id"]!.GetValue<string>().StartsWith("text.kit.", StringComparison.Ordinal))["value"]!.GetValue<string>();

        await _me.TypeAsync("my plans and reviews");
        await _me.PressAsync("Set up reviews");
        await _me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.PlacedForAdoption), ["start"] = "2026-11-16" });
        await _me.PressAsync("Save these dates");
        var reviews = _host.Get<IReviewStore>();
        var first = (await reviews.ListOpenAsync(User, null, CancellationToken.None)).OrderBy(r => r.DueAt).First();
        var secondBefore = (await reviews.ListOpenAsync(User, null, CancellationToken.None)).OrderBy(r => r.DueAt).Skip(1).FirstOrDefault();

        // The first reminder arrives at its slot.
        _clock.SetUtcNow(first.RemindAt);
        Assert.Equal(1, await _host.Delivery.SweepAsync(CancellationToken.None));
        _me.Catch();
        Assert.Contains("Plan review due", _me.LastCard.ToJsonString(), StringComparison.Ordinal);

        // The guided review, from the reminder card: unplanned social media contact for the one person.
        await _me.PressAsync("Start the review");
        var questions = _me.LastCard;
        var news = CardScreen.Inputs(questions).First(i => i["label"]?.GetValue<string>() == "Anything new?")["id"]!.GetValue<string>();
        var happened = CardScreen.Inputs(questions).First(i => i["label"]?.GetValue<string>() == "Did keeping in touch happen as planned?")["id"]!.GetValue<string>();
        await _me.PressAsync("See suggested changes", new Dictionary<string, string> { [news] = "social", [happened] = "yes" });

        var proposals = _me.LastCard;
        var text = CardScreen.Text(proposals);
        Assert.Contains("Suggested safeguard after unplanned contact or a social media approach", text, StringComparison.Ordinal);
        Assert.Contains("Because: Older brother: unplanned contact or a social media approach", text, StringComparison.Ordinal);
        Assert.Contains("bring the next review forward", text, StringComparison.Ordinal);
        var suggested = CardScreen.Inputs(proposals).Single(i => i["id"]!.GetValue<string>() == "pt1")["value"]!.GetValue<string>();
        // Nothing has changed yet: the review is still open.
        Assert.NotEqual(ReviewState.Done, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);

        await _me.PressAsync("Accept what I kept");
        Assert.Contains(_me.LatestTexts, t => t.Contains("is now version 2", StringComparison.Ordinal));
        Assert.Contains(_me.LatestTexts, t => t.Contains("Marked reviewed", StringComparison.Ordinal));
        Assert.Contains(_me.LatestTexts, t => t.Contains("brought forward", StringComparison.Ordinal));
        Assert.Equal(ReviewState.Done, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);
        var next = (await reviews.ListOpenAsync(User, first.PlanId, CancellationToken.None)).OrderBy(r => r.DueDate).First();
        var today = DateOnly.FromDateTime(first.RemindAt.UtcDateTime);
        Assert.InRange(next.DueDate.DayNumber - today.DayNumber, 1, 28);
        Assert.True(secondBefore is null || next.DueDate <= secondBefore.DueDate);

        // What changed: exactly the accepted sentence, in the keeping in touch section.
        var changes = _me.LastCard;
        var lines = CardScreen.Descendants(changes).Where(o => o["type"]?.GetValue<string>() == "TextBlock").Select(o => o["text"]!.GetValue<string>()).ToList();
        Assert.Contains("what changed in version 2", lines[0], StringComparison.Ordinal);
        Assert.Equal(["Provisional keeping in touch plan", "Added: " + suggested], lines.Skip(2));

        // Version 1 still reads as drafted, from Versions.
        await _me.PressAsync("Versions");
        Assert.Contains("Version 2", CardScreen.Text(_me.LastCard), StringComparison.Ordinal);
        var show = CardScreen.Buttons(_me.LastCard).Where(b => CardScreen.Title(b) == "Show this version").Last();
        await _me.PressAsync(_me.LastCard, show);
        var v1 = CardScreen.Text(_me.LastCard);
        Assert.DoesNotContain(suggested, v1, StringComparison.Ordinal);
        Assert.All(keepingInTouchV1.Split('\n').Where(l => l.Trim().Length > 0), l => Assert.Contains(l, v1, StringComparison.Ordinal));

        // The Word file holds version 2 and the history.
        await _me.PressAsync("Download as Word");
        var url = CardScreen.Descendants(_me.LastCard).First(o => o["type"]?.GetValue<string>() == "Action.OpenUrl")["url"]!.GetValue<string>();
        using var client = new HttpClient { BaseAddress = new Uri(_host.Url) };
        using var file = await client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.StartsWith("Version 2, ", paragraphs[1], StringComparison.Ordinal);
        Assert.Contains(suggested, paragraphs);
        Assert.Equal("Revision history", paragraphs[^3]);
        Assert.Contains("Review accepted: 1 suggested change kept", paragraphs[^2], StringComparison.Ordinal);
        Assert.Contains("Drafted from the consultation", paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALifeStagePrompt_FromThePlansAgeBand_OpensAReviewWithThatStagesQuestions()
    {
        await ReviewJourneyTests.ConsultAsync(_me);
        await _me.TypeAsync("my plans and reviews");
        await _me.PressAsync("Set up reviews");
        // The child's age is not typed: the card starts it from the plan's age band.
        var age = CardScreen.Inputs(_me.LastCard).Single(i => i["id"]!.GetValue<string>() == "age");
        Assert.False(string.IsNullOrEmpty(age["value"]?.ToString()), "The set-up card did not start the age from the plan's age band.");
        await _me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.AfterAdoptionOrder), ["start"] = "2026-11-16" });
        await _me.PressAsync("Save these dates");
        var stage = (await _host.Get<IReviewStore>().ListOpenAsync(User, null, CancellationToken.None)).Where(r => r.Kind == ReviewKind.LifeStage).OrderBy(r => r.DueAt).First();

        // Its reminder, delivered at its time, opens a review with that stage's questions.
        _clock.SetUtcNow(stage.RemindAt);
        await _host.Delivery.DeliverAsync(stage.Id, CancellationToken.None);
        _me.Catch();
        Assert.Contains(stage.Label, CardScreen.Text(_me.LastCard), StringComparison.Ordinal);
        await _me.PressAsync("Start the review");
        var questions = CardScreen.Text(_me.LastCard);
        Assert.Contains("Life stage: " + stage.Label, questions, StringComparison.Ordinal);
        await _me.PressAsync("See suggested changes");
        Assert.Contains("Because: Life stage: " + stage.Label, CardScreen.Text(_me.LastCard), StringComparison.Ordinal);
    }
}
