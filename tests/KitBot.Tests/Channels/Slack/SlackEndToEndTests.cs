using System.Net;
using System.Text.Json.Nodes;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>
/// The real host with Slack enabled, against a local fake Slack Web API on Kestrel: signed requests in, recorded
/// Web API calls out. Each test talks in its own channel.
/// </summary>
public sealed class SlackEndToEndTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private const string WelcomeHeading = "KitBot: keeping in touch after adoption";
    private const string HelpHeading = "Help and privacy";

    private FakeSlackApi Slack => fixture.Slack;

    private SlackHost Bot => fixture.Bot;

    private static bool HasHeader(SlackApiCall call, string text) =>
        call.Blocks.OfType<JsonObject>().Any(b => b["type"]?.GetValue<string>() == "header" && b["text"]?["text"]?.GetValue<string>() == text);

    private async Task<SlackApiCall> WaitForHeaderAsync(string channel, string heading, int after = 0)
    {
        var calls = await Slack.WaitForAsync(
            cs => cs.Skip(after).Any(c => c.Method == "chat.postMessage" && c.Channel == channel && HasHeader(c, heading)),
            $"posting '{heading}' to {channel}");
        return calls.Skip(after).First(c => c.Method == "chat.postMessage" && c.Channel == channel && HasHeader(c, heading));
    }

    private async Task SendOkAsync(HttpRequestMessage request)
    {
        using var response = await Bot.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DirectMessage_StartsAConversation_TheMenuComesBackAsBlocks()
    {
        await SendOkAsync(SlackRequests.Event(SlackRequests.DirectMessage("hello there", channel: "DE2E1", user: "UE2E1")));

        var welcome = await WaitForHeaderAsync("DE2E1", WelcomeHeading);
        Assert.Equal($"Bearer {SlackRequests.Token}", welcome.Authorization);
        Assert.Contains(Slack.Calls, c => FakeSlackApi.IsPost(c, "did not understand") && c.Channel == "DE2E1");
        Assert.Contains(SlackRequests.Elements(welcome.Blocks), e => e["type"]!.GetValue<string>() == "button");
        Assert.Empty(BlockKitLimits.Violations(welcome.Blocks));
    }

    [Fact]
    public async Task PressingHelpAndPrivacy_OnTheWelcomeCard_BringsTheHelpCard()
    {
        await SendOkAsync(SlackRequests.Event(SlackRequests.DirectMessage("hi", channel: "DE2E2", user: "UE2E2")));
        var welcome = await WaitForHeaderAsync("DE2E2", WelcomeHeading);
        var seen = Slack.Calls.Count;

        var button = SlackRequests.Button(welcome.Blocks, "Help and privacy");
        await SendOkAsync(SlackRequests.Interaction(SlackRequests.BlockActions(button, channel: "DE2E2", user: "UE2E2")));

        var help = await WaitForHeaderAsync("DE2E2", HelpHeading, after: seen);
        Assert.Contains("Privacy: use age bands", help.Json);
        Assert.Contains("menu.show", SlackRequests.Button(help.Blocks, "Main menu")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpeningTheMessagesTab_GreetsOnce()
    {
        var opened = new JsonObject { ["type"] = "app_home_opened", ["user"] = "UE2E3", ["channel"] = "DE2E3", ["tab"] = "messages" };
        await SendOkAsync(SlackRequests.Event(SlackRequests.Envelope((JsonObject)opened.DeepClone())));
        await SendOkAsync(SlackRequests.Event(SlackRequests.Envelope((JsonObject)opened.DeepClone())));
        await SendOkAsync(SlackRequests.Event(SlackRequests.DirectMessage("help", channel: "DE2E3", user: "UE2E3")));

        // The channel's turns run in order, so once help is there both openings have been handled.
        await WaitForHeaderAsync("DE2E3", HelpHeading);
        Assert.Single(Slack.Calls, c => c.Channel == "DE2E3" && HasHeader(c, WelcomeHeading));
    }

    [Fact]
    public async Task RetriedEvent_WithTheSameEventId_IsAnsweredOnce()
    {
        var envelope = SlackRequests.DirectMessage("what is this?", channel: "DE2E4", user: "UE2E4", eventId: "EvRETRY0001");
        await SendOkAsync(SlackRequests.Event(envelope));
        var retry = SlackRequests.Event(envelope);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        await SendOkAsync(retry);
        await SendOkAsync(SlackRequests.Event(SlackRequests.DirectMessage("help", channel: "DE2E4", user: "UE2E4")));

        await WaitForHeaderAsync("DE2E4", HelpHeading);
        Assert.Single(Slack.Calls, c => c.Channel == "DE2E4" && FakeSlackApi.IsPost(c, "did not understand"));
    }

    [Fact]
    public async Task SlashCommandHelp_AnswersWithinTheRequest_Ephemerally()
    {
        using var response = await Bot.SendAsync(SlackRequests.Command("help", channel: "CE2E5", user: "UE2E5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        var blocks = body["blocks"]!.AsArray();
        Assert.Contains(blocks.OfType<JsonObject>(), b => b["type"]!.GetValue<string>() == "header" && b["text"]!["text"]!.GetValue<string>() == HelpHeading);
        Assert.Empty(BlockKitLimits.Violations(blocks));
        Assert.DoesNotContain(Slack.Calls, c => c.Channel == "CE2E5");
    }

    [Theory]
    [InlineData("consult", "About the child")]
    [InlineData("roles", "Role guidance")]
    [InlineData("reviews", "You have no upcoming reviews")]
    [InlineData("plans", "You have no draft plans yet")]
    [InlineData("", WelcomeHeading)]
    public async Task SlashCommandWords_ReachTheSameMenuActionsAsTeams(string words, string expected)
    {
        using var response = await Bot.SendAsync(SlackRequests.Command(words, channel: "DE2E6", user: "UE2E6" + words.Length));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AButtonOnAnEphemeralMessage_IsAnsweredThroughItsResponseUrl()
    {
        using var command = await Bot.SendAsync(SlackRequests.Command("", channel: "CE2E7", user: "UE2E7"));
        var blocks = JsonNode.Parse(await command.Content.ReadAsStringAsync())!["blocks"]!.AsArray();
        var responseUrl = Slack.ResponseUrlPrefix + "actions/T/7/xyz";

        await SendOkAsync(SlackRequests.Interaction(SlackRequests.BlockActions(
            SlackRequests.Button(blocks, "Help and privacy"), channel: "CE2E7", user: "UE2E7", ephemeral: true, responseUrl: responseUrl)));

        var calls = await Slack.WaitForAsync(cs => cs.Any(c => c.Method == "response_url" && HasHeader(c, HelpHeading)), "answering through response_url");
        var answer = calls.First(c => c.Method == "response_url" && HasHeader(c, HelpHeading));
        Assert.Equal("/hooks/actions/T/7/xyz", answer.Path);
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        // Nothing the person asked for is posted where the whole channel would see it.
        Assert.DoesNotContain(Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == "CE2E7");
    }

    [Fact]
    public async Task AButtonFromAnEarlierStep_IsAnsweredAsTeamsWould()
    {
        var old = new JsonObject
        {
            ["action_id"] = "ac.btn.0",
            ["value"] = new JsonObject { ["verb"] = "menu.help", ["cid"] = "an-old-consultation", ["step"] = 1 }.ToJsonString(),
        };

        await SendOkAsync(SlackRequests.Interaction(SlackRequests.BlockActions(old, channel: "DE2E8", user: "UE2E8")));

        await Slack.WaitForAsync(cs => cs.Any(c => c.Channel == "DE2E8" && FakeSlackApi.IsPost(c, "That card is from an earlier step")), "the stale-card answer");
        Assert.DoesNotContain(Slack.Calls, c => c.Channel == "DE2E8" && HasHeader(c, HelpHeading));
    }

    [Fact]
    public async Task AMentionInAChannel_ContinuesInTheDirectMessage_WithANoteInItsThread()
    {
        var mention = SlackRequests.Envelope(new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "UE2E9",
            ["channel"] = "CE2E9",
            ["text"] = $"<@{SlackRequests.BotUserId}> help",
            ["ts"] = "1700000123.000100",
        });

        await SendOkAsync(SlackRequests.Event(mention));

        // Case details stay private: the answer goes to the person's DM, the channel's thread gets a short note only.
        await WaitForHeaderAsync("DUE2E9", HelpHeading);
        var note = (await Slack.WaitForAsync(cs => cs.Any(c => c.Method == "chat.postMessage" && c.Channel == "CE2E9"), "the note in the thread"))
            .Single(c => c.Method == "chat.postMessage" && c.Channel == "CE2E9");
        Assert.Equal("1700000123.000100", note.Body["thread_ts"]!.GetValue<string>());
        Assert.Contains("personal chat", note.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(HelpHeading, note.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMyReviewsHere_InAChannel_PostsTheReminderThere_MentioningTheOwner_WithNoCaseDetails()
    {
        var mention = SlackRequests.Envelope(new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "UE2E12",
            ["channel"] = "CE2E12",
            ["text"] = $"<@{SlackRequests.BotUserId}> send my reviews here",
            ["ts"] = "1700000124.000100",
        });
        await SendOkAsync(SlackRequests.Event(mention));
        var agreed = (await Slack.WaitForAsync(cs => cs.Any(c => c.Method == "chat.postMessage" && c.Channel == "CE2E12"), "the answer in the channel"))
            .Single(c => c.Method == "chat.postMessage" && c.Channel == "CE2E12");
        Assert.Contains("will come to this channel", agreed.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Calls, c => c.Channel == "DUE2E12");

        // A review of a plan kept in the person's DM comes due.
        var now = Bot.Get<TimeProvider>().GetUtcNow();
        const string Label = "Statutory review 1 (within 4 weeks of placement)";
        var review = new KitBot.Storage.StoredReview(
            KitBot.Storage.StoredReview.NewId(), "plan-slack", "slack:DUE2E12", "UE2E12", KitBot.Dialogs.Reviews.ReviewStage.PlacedForAdoption,
            KitBot.Dialogs.Reviews.ReviewKind.Statutory, 1, Label, DateOnly.FromDateTime(now.UtcDateTime), "Europe/London", now, now,
            KitBot.Dialogs.Reviews.ReviewState.Pending);
        await Bot.Get<KitBot.Storage.IReviewStore>().AddAsync([review], now, CancellationToken.None);

        Assert.Equal(KitBot.Reminders.DeliveryOutcome.Sent, await Bot.Get<KitBot.Reminders.ReminderDelivery>().DeliverAsync(review.Id, CancellationToken.None));

        var notice = (await Slack.WaitForAsync(cs => cs.Any(c => c.Channel == "CE2E12" && HasHeader(c, "Plan review due")), "the reminder in the channel"))
            .Single(c => c.Channel == "CE2E12" && HasHeader(c, "Plan review due"));
        Assert.Contains("<@UE2E12>", System.Text.RegularExpressions.Regex.Unescape(notice.Json), StringComparison.Ordinal);
        Assert.Contains("Open in my chat", notice.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("tatutory", notice.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Calls, c => c.Channel == "DUE2E12");
    }

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        using var response = await Bot.SendAsync(SlackRequests.Event(new JsonObject { ["token"] = "t", ["type"] = "url_verification", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReminder_CanOpenADirectMessage_AndSendTheCoreReplies()
    {
        var sender = Bot.Get<KitBot.Channels.Slack.SlackSender>();

        var reference = await sender.OpenDirectMessageAsync(SlackRequests.OtherTeamId, "UE2E10", CancellationToken.None);
        var outcome = await Bot.Get<KitBot.Channels.ChannelDirectory>().SendAsync(reference!, [KitBot.Dialogs.Menu.MainMenu.Help()], CancellationToken.None);

        Assert.Equal(KitBot.Channels.Teams.ConnectorOutcome.Sent, outcome);
        Assert.Equal(("slack:DUE2E10", "slack", "DUE2E10", "", SlackRequests.OtherTeamId),
            (reference!.Key, reference.Channel, reference.ConversationId, reference.ServiceUrl, reference.TenantId));
        var stored = await Bot.Get<KitBot.Storage.IConversationStore>().GetReferenceAsync("slack:DUE2E10", CancellationToken.None);
        Assert.Equal(reference, stored);
        var post = await WaitForHeaderAsync("DUE2E10", HelpHeading);
        Assert.Equal($"Bearer {SlackRequests.OtherToken}", post.Authorization);
        Assert.Contains(Slack.Calls, c => c.Method == "conversations.open" && c.Body["users"]!.GetValue<string>() == "UE2E10");
    }

    [Fact]
    public async Task AChannelSlackSaysIsGone_IsMarkedUnreachable()
    {
        var sender = Bot.Get<KitBot.Channels.Slack.SlackSender>();
        var reference = await sender.OpenDirectMessageAsync(SlackRequests.TeamId, "UE2E11", CancellationToken.None);
        Slack.Script("chat.postMessage", 200, new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" });

        var outcome = await Bot.Get<KitBot.Channels.ChannelDirectory>().SendAsync(reference!, [new KitBot.Dialogs.Turns.TextReply("Your review is due.")], CancellationToken.None);

        Assert.Equal(KitBot.Channels.Teams.ConnectorOutcome.Unreachable, outcome);
        var stored = await Bot.Get<KitBot.Storage.IConversationStore>().GetReferenceAsync(reference!.Key, CancellationToken.None);
        Assert.True(stored!.Unreachable);
    }

    [Fact]
    public async Task AFormTooLargeForAMessage_OpensAsAModal_AndItsSubmissionReachesTheCore()
    {
        var sender = Bot.Get<KitBot.Channels.Slack.SlackSender>();
        var reference = await sender.OpenDirectMessageAsync(SlackRequests.TeamId, "UE2E12", CancellationToken.None);
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TemplateCards.Folder, "samples", "consult-factors.json")))!.AsObject();
        var card = new KitBot.Dialogs.Turns.CardReply("consult-factors", sample, "Consultation: factors");

        Assert.Equal(KitBot.Channels.Teams.ConnectorOutcome.Sent, await Bot.Get<KitBot.Channels.ChannelDirectory>().SendAsync(reference!, [card], CancellationToken.None));

        var post = Slack.Calls.Last(c => c.Method == "chat.postMessage" && c.Channel == "DUE2E12");
        Assert.Empty(BlockKitLimits.Violations(post.Blocks));
        var open = SlackRequests.Button(post.Blocks, "Open the form");
        await SendOkAsync(SlackRequests.Interaction(SlackRequests.BlockActions(open, channel: "DUE2E12", user: "UE2E12")));

        // The modal is opened while Slack waits for the acknowledgement: the call is there when the 200 is.
        var opened = Assert.Single(Slack.Calls, c => c.Method == "views.open" && c.Body["trigger_id"]!.GetValue<string>() == "123.456.abc"
            && c.Body["view"]!["private_metadata"]!.GetValue<string>().Contains("DUE2E12", StringComparison.Ordinal));
        var view = opened.Body["view"]!.AsObject();
        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.Equal("Next", view["submit"]!["text"]!.GetValue<string>());
        Assert.Empty(BlockKitLimits.Violations(view["blocks"]!.AsArray(), maxBlocks: 100));
        var metadata = JsonNode.Parse(view["private_metadata"]!.GetValue<string>())!;
        Assert.Equal(sample["verb"]!.GetValue<string>(), metadata["data"]!["verb"]!.GetValue<string>());
        Assert.Equal(sample["cid"]!.GetValue<string>(), metadata["data"]!["cid"]!.GetValue<string>());

        var seen = Slack.Calls.Count;
        await SendOkAsync(SlackRequests.Interaction(SlackRequests.ViewSubmission(view, new JsonObject(), user: "UE2E12")));

        // The core answers the submission in the conversation the form came from.
        await Slack.WaitForAsync(cs => cs.Skip(seen).Any(c => c.Method == "chat.postMessage" && c.Channel == "DUE2E12"), "an answer to the modal's submission");
    }

    [Fact]
    public async Task OpenTheForm_WhenTheFormIsGone_SaysSoThroughResponseUrl()
    {
        var open = new JsonObject { ["action_id"] = "ac.form", ["value"] = "no-such-form", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Open the form" } };

        await SendOkAsync(SlackRequests.Interaction(SlackRequests.BlockActions(open, channel: "DE2E13", user: "UE2E13", responseUrl: Slack.ResponseUrlPrefix + "gone-form")));

        var calls = await Slack.WaitForAsync(cs => cs.Any(c => c.Path.EndsWith("gone-form", StringComparison.Ordinal)), "the apology through response_url");
        Assert.Contains("could not be opened", calls.First(c => c.Path.EndsWith("gone-form", StringComparison.Ordinal)).Json);
        Assert.DoesNotContain(Slack.Calls, c => c.Method == "views.open" && c.Json.Contains("DE2E13", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADownloadReply_IsALinkButton_BoundToThePersonAndPlan()
    {
        var sender = Bot.Get<KitBot.Channels.Slack.SlackSender>();
        var reference = await sender.OpenDirectMessageAsync(SlackRequests.TeamId, "UE2E14", CancellationToken.None);
        var download = new KitBot.Dialogs.Turns.DownloadReply("plan-14", KitBot.Dialogs.Plans.PlanFormat.Word, "Plan for a child aged 2 to 4, as a Word document.", "Download as Word");

        Assert.Equal(KitBot.Channels.Teams.ConnectorOutcome.Sent, await Bot.Get<KitBot.Channels.ChannelDirectory>().SendAsync(reference!, [download], CancellationToken.None));

        var post = Slack.Calls.Last(c => c.Method == "chat.postMessage" && c.Channel == "DUE2E14");
        Assert.Contains("Plan for a child aged 2 to 4, as a Word document.", post.Json, StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.Violations(post.Blocks));
        var button = SlackRequests.Button(post.Blocks, "Download as Word");
        var url = new Uri(button["url"]!.GetValue<string>());
        Assert.StartsWith(KitBot.Plans.DownloadLinks.PathPrefix, url.AbsolutePath, StringComparison.Ordinal);
        var check = Bot.Get<KitBot.Plans.DownloadLinks>().Read(url.AbsolutePath[KitBot.Plans.DownloadLinks.PathPrefix.Length..]);
        Assert.Equal(KitBot.Plans.DownloadTokenStatus.Valid, check.Status);
        Assert.Equal(("slack:DUE2E14:UE2E14", "plan-14", KitBot.Dialogs.Plans.PlanFormat.Word),
            (check.Token!.StateKey, check.Token.PlanId, check.Token.Format));
    }
}
