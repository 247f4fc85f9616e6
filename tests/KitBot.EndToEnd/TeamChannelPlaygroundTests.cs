using KitBot.Conversations;
using KitBot.Dialogs.Reviews;
using KitBot.EndToEnd.Support;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Testing;
using KitBot.Turns;

namespace KitBot.EndToEnd;

/// <summary>
/// Case details stay out of shared conversations: a consultation asked for with @KitBot in a team channel continues
/// in the practitioner's personal chat, and the channel hears only that it has moved.
/// </summary>
public sealed class TeamChannelPlaygroundTests : IAsyncLifetime
{
    private KitBotServer _bot = null!;
    private AgentsPlayground _teams = null!;

    public async Task InitializeAsync()
    {
        (_teams, _bot) = await AgentsPlayground.StartWithBotAsync((port, _) => KitBotServer.StartAsync(port: port));
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _bot.DisposeAsync();
    }

    private string ChannelId => _teams.Config["config"]!["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();

    [Fact]
    public async Task AConsultationAskedForInATeamChannel_ContinuesInThePersonalChat_WithOneShortNoteInTheChannel()
    {
        var seen = _teams.Messages.Count;

        await _teams.MentionBotAsync("start a consultation", ChannelId);

        var card = await _teams.WaitForAsync(m => m.CardContains("About the child"), after: seen, what: "with the first consultation card");
        Assert.Equal(_teams.PersonalChatId, ConversationOf(card));
        var inChannel = _teams.Messages.Skip(seen).Where(m => ConversationOf(m)?.StartsWith(ChannelId, StringComparison.Ordinal) == true).ToList();
        var note = Assert.Single(inChannel);
        Assert.Equal(TurnProcessor.MovedText, note.Text);
        Assert.Null(note.Card);
    }

    [Fact]
    public async Task SendMyReviewsHere_TheReminderIsPostedInTheChannelWithoutCaseDetails_AndOpensInThePersonalChat()
    {
        await _teams.InstallAsync();
        await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");
        var seen = _teams.Messages.Count;
        await _teams.MentionBotAsync("send my reviews here", ChannelId);
        var answer = await _teams.WaitForAsync(m => m.Text == ReviewRouting.ToChannelText, after: seen, what: "agreeing to post reminders in the channel");
        Assert.StartsWith(ChannelId, ConversationOf(answer), StringComparison.Ordinal);

        // A review of a plan kept in the personal chat comes due, scheduled through Hangfire as confirming dates does.
        var now = _bot.Get<TimeProvider>().GetUtcNow();
        var today = _bot.Get<ReminderCalendar>().For("Europe/London").LocalDate(now);
        const string Label = "Statutory review 1 (within 4 weeks of placement)";
        var review = new StoredReview(
            StoredReview.NewId(), "plan-e2e", ConversationReference.KeyFor("msteams", _teams.PersonalChatId), _teams.CurrentUserId,
            ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, Label, today, "Europe/London", now, now, ReviewState.Pending);
        await _bot.Get<IReviewStore>().AddAsync([review], now, CancellationToken.None);
        seen = _teams.Messages.Count;
        _bot.Get<IReminderScheduler>().ScheduleDelivery(review.Id, now);

        var notice = await _teams.WaitForAsync(m => m.CardContains("Plan review due"), after: seen, what: "with the reminder in the channel");
        Assert.StartsWith(ChannelId, ConversationOf(notice), StringComparison.Ordinal);
        Assert.True(notice.CardContains(ReviewCards.Show(today)) && notice.CardContains("Open in my chat"), notice.Describe());
        Assert.False(notice.CardContains(Label) || notice.CardContains("tatutory") || notice.CardContains("review.done"), notice.Describe());

        // "Open in my chat": the whole reminder, with its actions, in the personal chat.
        seen = _teams.Messages.Count;
        // A post in a channel starts a thread: its buttons act in that thread's conversation, as in Teams.
        var thread = notice.Raw["message"]?["postConversationId"]?.GetValue<string>() ?? ChannelId;
        await _teams.SubmitAsync(notice, notice.ActionData(ReviewVerbs.TeamOpen), thread);
        var reminder = await _teams.WaitForAsync(m => m.CardContains(Label), after: seen, what: "with the whole reminder in the personal chat");
        Assert.Equal(_teams.PersonalChatId, ConversationOf(reminder));
        Assert.True(reminder.CardContains("review.done") && reminder.CardContains("review.guide"), reminder.Describe());
    }

    // The conversation the playground shows the message in.
    private static string? ConversationOf(PlaygroundMessage message) =>
        message.Raw["actionConversationId"]?.GetValue<string>() ?? message.Raw["message"]?["conversation"]?["id"]?.GetValue<string>();
}
