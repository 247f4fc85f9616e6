using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;
using static KitBot.Tests.Requests.RequestScenario;

namespace KitBot.Tests.Requests;

/// <summary>Asking a consultant through the real host and store: the card in the channel, claiming, closing, privacy.</summary>
public sealed class ConsultationRequestTests
{
    private const string Monday = "2026-01-19T10:00:00Z";   // Monday 10:00 in London (GMT)

    [Fact]
    public async Task Submit_PostsTheCardToTheChannel_AndConfirmsWithAReference()
    {
        await using var s = await StartAsync(Monday);

        var reply = Text(await s.SubmitAsync("How do we plan direct contact with an older sibling in foster care?"));

        var request = await s.OnlyRequestAsync();
        Assert.Matches("^KIT-[2-9A-Z]{4}$", request.Reference);
        Assert.Contains(request.Reference, reply);
        var post = Assert.Single(s.CallsTo(ChannelId));
        Assert.Equal("POST", post.Method);
        Assert.Contains("older sibling in foster care", post.CardJson);
        Assert.Contains(RequestVerbs.Claim, post.CardJson);
        Assert.Contains(request.Id, post.CardJson);
        Assert.Equal("activity-0", request.ChannelMessageId);
        Assert.Empty(s.CallsTo(Chat));
    }

    [Fact]
    public async Task TheSameQuestionSentTwice_IsOneRequest_WithOneCard()
    {
        await using var s = await StartAsync(Monday);

        var first = Text(await s.SubmitAsync("How do we plan sibling contact across two local authorities?"));
        var second = Text(await s.SubmitAsync("How do we plan sibling contact across two local authorities?"));

        Assert.Equal(first, second);
        await s.OnlyRequestAsync();
        Assert.Single(s.CallsTo(ChannelId));
    }

    [Fact]
    public async Task Claim_UpdatesTheCardInPlace_AndTellsThePractitionerWhoTookIt()
    {
        await using var s = await StartAsync(Monday);
        await s.SubmitAsync("How do we plan letterbox with a birth father in prison?");
        var request = await s.OnlyRequestAsync();

        var reply = Text(await s.ConsultantAsync("29:alex", "Alex Consultant", RequestVerbs.Claim, request.Id));

        Assert.Contains("You have taken", reply);
        var update = Assert.Single(s.CallsTo(ChannelId), c => c.Method == "PUT");
        Assert.Equal(request.ChannelMessageId, update.UpdatedActivityId);
        Assert.Contains("Taken by Alex Consultant", update.CardJson);
        Assert.DoesNotContain(RequestVerbs.Claim, update.CardJson);
        var told = Assert.Single(s.CallsTo(Chat));
        Assert.Contains("Alex Consultant", told.Activity["text"]!.GetValue<string>());
        Assert.Contains(request.Reference, told.Activity["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwentyConcurrentClaims_ExactlyOneSucceeds_TheOthersAreToldWhoHasIt()
    {
        await using var s = await StartAsync(Monday);
        await s.SubmitAsync("What support can we offer adopters for a first meeting with a grandparent?");
        var request = await s.OnlyRequestAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => s.ConsultantAsync($"29:consultant-{i}", $"Consultant {i}", RequestVerbs.Claim, request.Id))));

        var texts = replies.Select(Text).ToList();
        var winner = Assert.Single(texts, t => t.StartsWith("You have taken", StringComparison.Ordinal));
        var stored = await s.Store.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal(RequestState.Claimed, stored!.State);
        Assert.All(texts.Where(t => t != winner), t => Assert.Equal($"{stored.ClaimedName} has already taken request {request.Reference}.", t));
        Assert.Single(s.CallsTo(ChannelId), c => c.Method == "PUT");
        Assert.Single(s.CallsTo(Chat));
    }

    [Fact]
    public async Task StaleActionOnAClosedRequest_IsAnsweredKindly_AndChangesNothing()
    {
        await using var s = await StartAsync(Monday);
        await s.SubmitAsync("Should we suggest a video call before the first face-to-face meeting?");
        var request = await s.OnlyRequestAsync();
        await s.ConsultantAsync("29:alex", "Alex Consultant", RequestVerbs.Claim, request.Id);
        await s.ConsultantAsync("29:alex", "Alex Consultant", RequestVerbs.Close, request.Id, (RequestVerbs.Note, "Talked it through on a call."));
        var closed = await s.Store.GetAsync(request.Id, CancellationToken.None);
        var calls = s.Connector.Calls.Count;

        foreach (var verb in new[] { RequestVerbs.Claim, RequestVerbs.Release, RequestVerbs.Close })
        {
            var reply = Text(await s.ConsultantAsync("29:sam", "Sam Consultant", verb, request.Id));
            Assert.Equal($"Request {request.Reference} has already been closed, so nothing has changed. Thank you for checking on it.", reply);
        }

        Assert.Equal(closed, await s.Store.GetAsync(request.Id, CancellationToken.None));
        Assert.Equal(calls, s.Connector.Calls.Count);
        Assert.Equal(RequestState.Closed, closed!.State);
        Assert.Contains("Talked it through on a call.", s.CallsTo(Chat).Last().Activity["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Release_ByAColleague_IsRefused_AndByTheClaimer_ReopensTheCard()
    {
        await using var s = await StartAsync(Monday);
        await s.SubmitAsync("How often should letterbox exchanges happen for a baby?");
        var request = await s.OnlyRequestAsync();
        await s.ConsultantAsync("29:alex", "Alex Consultant", RequestVerbs.Claim, request.Id);

        Assert.Equal($"Alex Consultant has already taken request {request.Reference}.", Text(await s.ConsultantAsync("29:sam", "Sam", RequestVerbs.Release, request.Id)));
        Assert.Contains("released", Text(await s.ConsultantAsync("29:alex", "Alex Consultant", RequestVerbs.Release, request.Id)));

        Assert.Equal(RequestState.Open, (await s.Store.GetAsync(request.Id, CancellationToken.None))!.State);
        Assert.Contains(RequestVerbs.Claim, s.CallsTo(ChannelId).Last(c => c.Method == "PUT").CardJson);
    }

    [Theory]
    [InlineData("Can Sarah Jones see her brother at Christmas?")]
    [InlineData("Please call me on 07700 900123 about contact")]
    [InlineData("Birth mother lives at 12 Acacia Avenue, is that too close?")]
    public async Task PersonalDetailsInTheQuestion_AreNotSent_AndNothingIsStored(string question)
    {
        await using var s = await StartAsync(Monday);

        var replies = await s.SubmitAsync(question);

        Assert.Contains("Nothing has been sent", Assert.IsType<TextReply>(replies![0]).Text);
        Assert.DoesNotContain(question, Assert.IsType<TextReply>(replies[0]).Text);
        Assert.Equal(RequestCards.FormTemplate, Assert.IsType<CardReply>(replies[1]).Template);
        Assert.Empty(await s.Store.ListOpenAsync(10, CancellationToken.None));
        Assert.Empty(s.Connector.Calls);
    }

    [Fact]
    public async Task WithNoChannel_NothingIsStored_AndThePractitionerIsToldKindly()
    {
        await using var s = await StartAsync(Monday, channelInSettings: false);

        Assert.Contains("nothing was sent", Text(await s.SubmitAsync("How do we support a sibling meeting?")));
        Assert.Empty(await s.Store.ListOpenAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task AdminCommand_ChoosesTheChannel_OthersAreRefused()
    {
        await using var s = await StartAsync(Monday, channelInSettings: false, "Requests:Admins:0=29:admin");
        var team = s.ChannelReference;

        Assert.Contains("Only an administrator", Text(await s.TypeAsync("29:someone", "use this channel for consultations", team)));
        // Typed in a reply thread: new requests still go to the channel itself.
        var thread = team with { Key = team.Key + ";messageid=42", ConversationId = ChannelId + ";messageid=42" };
        Assert.Contains("Done", Text(await s.TypeAsync("29:admin", "Use this channel for consultations.", thread)));
        await s.SubmitAsync("How do we support a sibling meeting?");

        Assert.Single(s.CallsTo(ChannelId));
    }

    [Fact]
    public async Task APractitioner_CannotListOrTakeRequests_FromTheirChat_ButAListedConsultantCan()
    {
        await using var s = await StartAsync(Monday, true, "Requests:Consultants:0=29:alex");
        await s.SubmitAsync("How do we plan letterbox with a birth father in prison?");
        var request = await s.OnlyRequestAsync();
        var chat = new KitBot.Conversations.ConversationReference("msteams:other-chat", "msteams", "other-chat", s.Connector.ServiceUrl, "29:pat", null, null, false);

        Assert.Contains("adoption support team", Text(await s.TypeAsync("29:pat", "open requests", chat)));
        var listed = Assert.IsType<CardReply>(Assert.Single((await s.TypeAsync("29:alex", "open requests", chat with { UserId = "29:alex" }))!));

        Assert.Contains(request.Reference, listed.Data.ToJsonString());
    }

    [Fact]
    public async Task Lists_ShowOpenRequests_AndMine()
    {
        await using var s = await StartAsync(Monday);
        await s.SubmitAsync("First question about letterbox?");
        await s.SubmitAsync("Second question about sibling contact?");
        var first = (await s.Store.ListOpenAsync(10, CancellationToken.None)).Single(r => r.Question.StartsWith("First", StringComparison.Ordinal));
        await s.ConsultantAsync("29:alex", "Alex", RequestVerbs.Claim, first.Id);

        var open = Assert.IsType<CardReply>(Assert.Single((await s.TypeAsync("29:alex", "open requests", s.ChannelReference))!));
        var mine = Assert.IsType<CardReply>(Assert.Single((await s.TypeAsync("29:alex", "my requests", s.ChannelReference))!));

        Assert.Single(open.Data["requests"]!.AsArray());
        Assert.Contains("Second question", open.Data.ToJsonString());
        Assert.Contains("First question", mine.Data.ToJsonString());
    }
}
