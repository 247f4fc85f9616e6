using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Reviews;
using KitBot.Storage;
using KitBot.Testing;

namespace KitBot.EndToEnd.Journeys;

/// <summary>
/// The journeys practitioners take, from the welcome card to the outcome, pressing only buttons the cards showed, in
/// Teams (the Agents Playground), Slack (a local fake Web API) and the terminal chat.
/// </summary>
public sealed class JourneyTests
{
    private const string PlanDrafted = "here is a draft plan";

    private static readonly Dictionary<string, string> FirstChoices = new() { ["*"] = CardScreen.FirstChoice };

    /// <summary>From the welcome card, a consultation about one important person, to the draft plan.</summary>
    internal static async Task ConsultAsync(JourneyUser me)
    {
        await me.StartAsync();
        await me.PressAsync("Start a consultation", expect: "About the child");
        await me.PressAsync("Next", expect: "Who is important", new()
        {
            ["ageBand"] = CardScreen.FirstChoice, ["journey"] = CardScreen.FirstChoice, ["wishes"] = CardScreen.FirstChoice,
        });
        await me.PressAsync("Next", expect: "Step 3 of", new() { ["rel0"] = CardScreen.FirstChoice, ["label0"] = "Older brother" });
        for (var card = 0; card < 12 && !me.Seen.Contains(PlanDrafted, StringComparison.Ordinal); card++)
        {
            // Each person's strengths and challenges, the adoptive parents', the summary, then the provisional plan
            // for each person: the first answer offered to each point, the suggested arrangements as they stand.
            await me.PressAsync(me.Shows("Finish") ? "Finish" : "Next", expectAny: new[] { "Step ", PlanDrafted }, new() { ["f.*"] = CardScreen.FirstChoice });
        }

        await me.WaitForAsync("Check against the five principles");
    }

    [Theory]
    [MemberData(nameof(JourneyUser.Channels), MemberType = typeof(JourneyUser))]
    public async Task Consultation_Plan_EditAndSave_SendAsPlainText_Download(string channel)
    {
        await using var me = await JourneyUser.StartAsync(channel);
        await ConsultAsync(me);
        var plan = Assert.Single(await Plans(me));

        // Edit the last section shown, in its text box, and save it.
        const string Added = "Agreed with the team manager: letters first, then a review.";
        await me.PressAsync("Save changes", expect: "The plan now shows your changes", new() { ["text.*"] = CardScreen.Shown + "\n" + Added });
        Assert.Contains(Added, (await Plans(me)).Single().Sections.Select(s => s.Text).Aggregate((a, b) => a + b), StringComparison.Ordinal);

        // The section as a plain message, to paste into the record.
        await me.PressAsync("Send as plain text", expect: Added);

        // Later, from My plans: the whole plan as a Word document, from the link the download button brings.
        await me.PressAsync("My plans", expect: "Open");
        await me.PressAsync("Open", expect: "Download as Word");
        await me.PressAsync("Download as Word", expect: "opens this plan once");
        if (channel == "terminal")
        {
            // The terminal has no browser: the link's file is written to the working folder.
            await me.PressAsync("Download as Word", expect: "Saved the plan to");
            var file = me.Seen[(me.Seen.IndexOf("Saved the plan to ", StringComparison.Ordinal) + "Saved the plan to ".Length)..].Split('\n')[0].Trim();
            Assert.True(File.Exists(file), file);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 2));
            File.Delete(file);
        }
        else
        {
            var link = me.Link("Download as Word");
            Assert.True(link is not null, "No download link was shown: " + me.Seen);
            using var http = new HttpClient();
            using var file = await http.GetAsync(new Uri(new Uri(me.Bot.Url), link.PathAndQuery));
            Assert.Equal(System.Net.HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(plan.Id, (await Plans(me)).Single().Id);
    }

    [Theory]
    [MemberData(nameof(JourneyUser.Channels), MemberType = typeof(JourneyUser))]
    public async Task RoleGuidance_ForARoleAndStage(string channel)
    {
        await using var me = await JourneyUser.StartAsync(channel);
        await me.StartAsync();

        await me.PressAsync("Role guidance", expect: "Show guidance");
        await me.PressAsync("Show guidance", expect: "Another role or stage", FirstChoices);

        Assert.Contains("legal", me.Seen, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(JourneyUser.Channels), MemberType = typeof(JourneyUser))]
    public async Task Plan_SetUpReviews_Confirm_ReminderInWorkingHours_Snooze_Again_MarkReviewed_Next_Stop(string channel)
    {
        await using var me = await JourneyUser.StartAsync(channel);
        await ConsultAsync(me);
        var reviews = me.Bot.Get<IReviewStore>();

        await SetUpReviewsAsync(me);
        var first = (await reviews.ListOpenAsync(me.UserId, null, CancellationToken.None)).OrderBy(r => r.DueAt).First();

        // The reminder arrives at its working-hours slot (a weekday, 09:30 in London), not before.
        Assert.Equal(0, await me.SweepAtAsync(first.RemindAt.AddMinutes(-1)));
        Assert.Equal(1, await me.SweepAtAsync(first.RemindAt));
        await me.WaitForAsync("Plan review due");
        var slot = TimeZoneInfo.ConvertTime(first.RemindAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.True(slot.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && slot.TimeOfDay == new TimeSpan(9, 30, 0), $"reminded at {slot}");

        await me.PressAsync("Snooze 1 day", expect: "Snoozed");
        var snoozed = (await reviews.GetAsync(first.Id, CancellationToken.None))!;
        Assert.Equal(ReviewState.Snoozed, snoozed.State);
        Assert.Equal(1, await me.SweepAtAsync(snoozed.RemindAt));
        await me.WaitForAsync("Plan review due");

        await me.PressAsync("Mark reviewed", expect: "Marked reviewed");
        Assert.Equal(ReviewState.Done, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);
        Assert.Contains(await reviews.ListOpenAsync(me.UserId, first.PlanId, CancellationToken.None),
            r => r.Kind == first.Kind && r.Sequence == first.Sequence + 1);

        // From the reminder card: stop reminders asks first, saying the statutory reviews stop too; only "Yes" stops them.
        await me.PressAsync("Stop reminders for this plan", expect: "statutory");
        Assert.NotEmpty(await reviews.ListOpenAsync(me.UserId, first.PlanId, CancellationToken.None));
        await me.PressAsync("Yes, stop all reminders for this plan", expect: "stopped");
        Assert.Empty(await reviews.ListOpenAsync(me.UserId, first.PlanId, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(JourneyUser.Channels), MemberType = typeof(JourneyUser))]
    public async Task Plan_Reminder_GuidedReview_SocialMediaContact_AcceptMakesVersion2_EarlierReview_WordHoldsTheHistory(string channel)
    {
        await using var me = await JourneyUser.StartAsync(channel);
        await ConsultAsync(me);
        var reviews = me.Bot.Get<IReviewStore>();
        await SetUpReviewsAsync(me);
        var open = (await reviews.ListOpenAsync(me.UserId, null, CancellationToken.None)).OrderBy(r => r.DueAt).ToList();
        var first = open[0];
        var v1 = (await Plans(me)).Single();

        // The first reminder arrives; the review, from its card, records unplanned social media contact.
        Assert.Equal(1, await me.SweepAtAsync(first.RemindAt));
        await me.WaitForAsync("Plan review due");
        await me.PressAsync("Start the review", expect: "See suggested changes");
        await me.PressAsync("See suggested changes", expect: "Because: Older brother: unplanned contact or a social media approach", new() { ["x_*"] = "social", ["h_*"] = "yes" });
        Assert.Contains("bring the next review forward", me.Seen, StringComparison.Ordinal);
        Assert.Equal(1, KitBot.Dialogs.Plans.PlanVersions.Current((await Plans(me)).Single()));

        // The acceptance, the earlier review and what changed can arrive as separate messages: each is waited for.
        await me.PressAsync("Accept what I kept", expect: "is now version 2");
        await me.WaitForAsync("brought forward");
        await me.WaitForAsync("Added: Suggested safeguard");
        Assert.Equal(ReviewState.Done, (await reviews.GetAsync(first.Id, CancellationToken.None))!.State);
        var next = (await reviews.ListOpenAsync(me.UserId, first.PlanId, CancellationToken.None)).OrderBy(r => r.DueDate).First();
        Assert.InRange(next.DueDate.DayNumber - DateOnly.FromDateTime(first.RemindAt.UtcDateTime).DayNumber, 1, 28);

        // Version 2 changed only the keeping in touch section, by the one accepted sentence; version 1 reads as drafted.
        var v2 = (await Plans(me)).Single();
        var change = Assert.Single(KitBot.Dialogs.Plans.PlanVersions.Changes(v2, 2)!);
        Assert.Equal("kit", change.Id);
        Assert.StartsWith("Suggested safeguard", Assert.Single(change.Added), StringComparison.Ordinal);
        Assert.Empty(change.Removed);
        Assert.Equal(v1.Sections.Select(s => s.Text), KitBot.Dialogs.Plans.PlanVersions.TextAt(v2, 1)!.Select(s => s.Text));

        // The Word file, from the plan's own card, holds version 2 and the history.
        await me.PressAsync("Open the current plan", expect: "Download as Word");
        await me.PressAsync("Download as Word", expect: "opens this plan once");
        byte[] bytes;
        if (channel == "terminal")
        {
            await me.PressAsync("Download as Word", expect: "Saved the plan to");
            var path = me.Seen[(me.Seen.IndexOf("Saved the plan to ", StringComparison.Ordinal) + "Saved the plan to ".Length)..].Split('\n')[0].Trim();
            bytes = File.ReadAllBytes(path);
            File.Delete(path);
        }
        else
        {
            var link = me.Link("Download as Word");
            Assert.True(link is not null, "No download link was shown: " + me.Seen);
            using var http = new HttpClient();
            bytes = await http.GetByteArrayAsync(new Uri(new Uri(me.Bot.Url), link.PathAndQuery));
        }

        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.StartsWith("Version 2, ", paragraphs[1], StringComparison.Ordinal);
        Assert.Equal("Revision history", paragraphs[^3]);
        Assert.Contains("Review accepted", paragraphs[^2], StringComparison.Ordinal);
        Assert.Contains("Drafted from the consultation", paragraphs[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("slack")]
    public async Task AskAConsultant_TheCardReachesTheTeamsChannel_IllTakeIt_ThePractitionerIsTold(string channel)
    {
        await using var me = await JourneyUser.StartAsync(channel);
        await me.StartAsync();

        await me.PressAsync("Ask a consultant", expect: "Send to the adoption support team");
        await me.PressAsync("Send to the adoption support team", expect: "Your reference is KIT-", new()
        {
            [RequestVerbs.Question] = "How should we plan direct contact with an older sibling in foster care?",
            [RequestVerbs.When] = "Weekday mornings",
        });

        // The request card in the consultants' channel, where a consultant takes it.
        await me.WaitForAsync("I'll take it");
        Assert.Contains("older sibling in foster care", me.Seen, StringComparison.Ordinal);
        // It names who asked, so the consultant can call them.
        Assert.Contains("Asked by", me.Seen, StringComparison.Ordinal);
        Assert.Contains(me.SeenByColleaguesAs, me.Seen, StringComparison.Ordinal);
        await me.PressAsync("I'll take it", expect: "has taken your request");
        var request = Assert.Single(await me.Bot.Get<IRequestStore>().ListActiveAsync(me.UserId, CancellationToken.None));
        Assert.Equal(RequestState.Claimed, request.State);
        Assert.Contains(request.Reference, me.Seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAConsultant_WithNoTeamSetUp_SaysSoBeforeTheForm()
    {
        // The terminal chat on its own, with no consultants' channel configured.
        await using var me = await JourneyUser.StartAsync("terminal", "Requests:Channel:ConversationId=");
        await me.StartAsync();

        await me.PressAsync("Ask a consultant", expect: "has not been set up");

        Assert.False(me.Shows("Send to the adoption support team"));
        Assert.True(me.Shows("Start a consultation"));
    }

    [Theory]
    [MemberData(nameof(JourneyUser.Channels), MemberType = typeof(JourneyUser))]
    public async Task ForgetMe_Confirmed_LeavesNothingOfThePractitionerButTheAuditTrail(string channel)
    {
        await using var me = await JourneyUser.StartAsync(channel);
        await ConsultAsync(me);
        await SetUpReviewsAsync(me);
        Assert.NotEmpty(await me.Bot.Get<IReviewStore>().ListOpenAsync(me.UserId, null, CancellationToken.None));

        // Asked first, saying what will be lost; "No" keeps everything.
        await me.TypeAsync("forget me", expect: "cannot be undone");
        await me.PressAsync("No, keep it", expect: "");
        Assert.NotEmpty(await Plans(me));
        await me.TypeAsync("forget me", expect: "cannot be undone");
        await me.PressAsync("Yes, delete everything", expect: "KitBot has deleted");

        Assert.Empty(await Plans(me));
        Assert.Empty(await me.Bot.Get<IReviewStore>().ListOpenAsync(me.UserId, null, CancellationToken.None));
        Assert.Null(await me.Bot.Get<IConversationStore>().GetReferenceAsync(me.StateKey[..me.StateKey.LastIndexOf(':')], CancellationToken.None));
        Assert.Contains(await me.Bot.Get<KitBot.Privacy.AuditLog>().ListAsync(null, CancellationToken.None), e => e.Action == KitBot.Privacy.AuditActions.Forgotten);
    }

    /// <summary>From the plan's last card: reviews for a child placed on Monday 16 November 2026, as proposed.</summary>
    private static async Task SetUpReviewsAsync(JourneyUser me)
    {
        await me.PressAsync("Set up reviews", expect: "Propose dates");
        await me.PressAsync("Propose dates", expect: "Save these dates", new() { ["stage"] = nameof(ReviewStage.PlacedForAdoption), ["start"] = "2026-11-16" });
        await me.PressAsync("Save these dates", expect: "review date");
    }

    /// <summary>The plans kept for this person in their chat with KitBot.</summary>
    private static async Task<IReadOnlyList<KitBot.Dialogs.Plans.PlanState>> Plans(JourneyUser me)
    {
        var stored = await me.Bot.Get<IConversationStore>().LoadStateAsync(me.StateKey, CancellationToken.None);
        return ConversationStateSerializer.Deserialize(stored.Json).Plans;
    }
}
