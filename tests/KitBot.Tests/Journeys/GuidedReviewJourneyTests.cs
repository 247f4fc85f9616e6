using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using KitBot.Testing;

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
    private TeamsChat _chat = null!;

    public async Task InitializeAsync() => _chat = await TeamsChat.StartAsync("a:living-chat", User);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task Drafted_Reminded_Reviewed_Accepted_MakesVersion2_WithTheChangeAlone_AndAnEarlierReview()
    {
        await ReviewJourneyTests.ConsultAsync(_chat.Me);
        var planCard = _chat.Me.LastCard;
        var keepingInTouchV1 = CardScreen.Inputs(planCard).Single(i => i["id"]!.GetValue<string>().StartsWith("text.kit.", StringComparison.Ordinal))["value"]!.GetValue<string>();

        await _chat.Me.TypeAsync("my plans and reviews");
        await _chat.Me.PressAsync("Set up reviews");
        await _chat.Me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.PlacedForAdoption), ["start"] = "2026-11-16" });
        await _chat.Me.PressAsync("Save these dates");
        var reviews = _chat.Host.Get<IReviewStore>();
        var first = (await reviews.ListOpenAsync(User, null, CancellationToken.None)).OrderBy(r => r.DueAt).First();
        var secondBefore = (await reviews.ListOpenAsync(User, null, CancellationToken.None)).OrderBy(r => r.DueAt).Skip(1).FirstOrDefault();

        // The first reminder arrives at its slot.
        _chat.Clock.SetUtcNow(first.RemindAt);
        Assert.Equal(1, await _chat.Host.Delivery.SweepAsync(CancellationToken.None));
        _chat.Me.Catch();
        Assert.Contains("Plan review due", _chat.Me.LastCard.ToJsonString(), StringComparison.Ordinal);

        // The guided review, from the reminder card: unplanned social media contact for the one person.
        await _chat.Me.PressAsync("Start the review");
        var questions = _chat.Me.LastCard;
        var news = CardScreen.Inputs(questions).First(i => i["label"]?.GetValue<string>() == "Anything new?")["id"]!.GetValue<string>();
        var happened = CardScreen.Inputs(questions).First(i => i["label"]?.GetValue<string>() == "Did keeping in touch happen as planned?")["id"]!.GetValue<string>();
        await _chat.Me.PressAsync("See suggested changes", new Dictionary<string, string> { [news] = "social", [happened] = "yes" });

        var proposals = _chat.Me.LastCard;
        var text = CardScreen.Text(proposals);
        Assert.Contains("Suggested safeguard after unplanned contact or a social media approach", text, StringComparison.Ordinal);
        Assert.Contains("Because: Older brother: unplanned contact or a social media approach", text, StringComparison.Ordinal);
        Assert.Contains("bring the next review forward", text, StringComparison.Ordinal);
        var suggested = CardScreen.Inputs(proposals).Single(i => i["id"]!.GetValue<string>() == "pt1")["value"]!.GetValue<string>();
        // Nothing has changed yet: the review is still open.
        Assert.NotEqual(ReviewState.Done, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);

        await _chat.Me.PressAsync("Accept what I kept");
        Assert.Contains(_chat.Me.LatestTexts, t => t.Contains("is now version 2", StringComparison.Ordinal));
        Assert.Contains(_chat.Me.LatestTexts, t => t.Contains("Marked reviewed", StringComparison.Ordinal));
        Assert.Contains(_chat.Me.LatestTexts, t => t.Contains("brought forward", StringComparison.Ordinal));
        Assert.Equal(ReviewState.Done, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);
        var next = (await reviews.ListOpenAsync(User, first.PlanId, CancellationToken.None)).OrderBy(r => r.DueDate).First();
        var today = DateOnly.FromDateTime(first.RemindAt.UtcDateTime);
        Assert.InRange(next.DueDate.DayNumber - today.DayNumber, 1, 28);
        Assert.True(secondBefore is null || next.DueDate <= secondBefore.DueDate);

        // What changed: exactly the accepted sentence, in the keeping in touch section.
        var changes = _chat.Me.LastCard;
        var lines = CardScreen.Descendants(changes).Where(o => o["type"]?.GetValue<string>() == "TextBlock").Select(o => o["text"]!.GetValue<string>()).ToList();
        Assert.Contains("what changed in version 2", lines[0], StringComparison.Ordinal);
        Assert.Equal(["Provisional keeping in touch plan", "Added: " + suggested], lines.Skip(2));

        // Version 1 still reads as drafted, from Versions.
        await _chat.Me.PressAsync("Versions");
        Assert.Contains("Version 2", CardScreen.Text(_chat.Me.LastCard), StringComparison.Ordinal);
        var show = CardScreen.Buttons(_chat.Me.LastCard).Where(b => CardScreen.Title(b) == "Show this version").Last();
        await _chat.Me.PressAsync(_chat.Me.LastCard, show);
        var v1 = CardScreen.Text(_chat.Me.LastCard);
        Assert.DoesNotContain(suggested, v1, StringComparison.Ordinal);
        Assert.All(keepingInTouchV1.Split('\n').Where(l => l.Trim().Length > 0), l => Assert.Contains(l, v1, StringComparison.Ordinal));

        // The Word file holds version 2 and the history.
        await _chat.Me.PressAsync("Download as Word");
        var url = CardScreen.Descendants(_chat.Me.LastCard).First(o => o["type"]?.GetValue<string>() == "Action.OpenUrl")["url"]!.GetValue<string>();
        using var client = new HttpClient { BaseAddress = new Uri(_chat.Host.Url) };
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
        await ReviewJourneyTests.ConsultAsync(_chat.Me);
        await _chat.Me.TypeAsync("my plans and reviews");
        await _chat.Me.PressAsync("Set up reviews");
        // The child's age is not typed: the card starts it from the plan's age band.
        var age = CardScreen.Inputs(_chat.Me.LastCard).Single(i => i["id"]!.GetValue<string>() == "age");
        Assert.False(string.IsNullOrEmpty(age["value"]?.ToString()), "The set-up card did not start the age from the plan's age band.");
        await _chat.Me.PressAsync("Propose dates", new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.AfterAdoptionOrder), ["start"] = "2026-11-16" });
        await _chat.Me.PressAsync("Save these dates");
        var stage = (await _chat.Host.Get<IReviewStore>().ListOpenAsync(User, null, CancellationToken.None)).Where(r => r.Kind == ReviewKind.LifeStage).OrderBy(r => r.DueAt).First();

        // Its reminder, delivered at its time, opens a review with that stage's questions.
        _chat.Clock.SetUtcNow(stage.RemindAt);
        await _chat.Host.Delivery.DeliverAsync(stage.Id, CancellationToken.None);
        _chat.Me.Catch();
        Assert.Contains(stage.Label, CardScreen.Text(_chat.Me.LastCard), StringComparison.Ordinal);
        await _chat.Me.PressAsync("Start the review");
        var questions = CardScreen.Text(_chat.Me.LastCard);
        Assert.Contains("Life stage: " + stage.Label, questions, StringComparison.Ordinal);
        await _chat.Me.PressAsync("See suggested changes");
        Assert.Contains("Because: Life stage: " + stage.Label, CardScreen.Text(_chat.Me.LastCard), StringComparison.Ordinal);
    }
}
