using KitBot.Dialogs.Requests;
using static KitBot.Tests.Requests.RequestScenario;

namespace KitBot.Tests.Requests;

/// <summary>Nothing falls through: unclaimed requests are raised again in working hours, and the practitioner is told (fake clock).</summary>
public sealed class RequestEscalationTests
{
    private const string FridayAfternoon = "2026-01-16T16:30:00Z";   // Friday 16:30 in London (GMT); hours 09:30-17:30

    [Fact]
    public async Task Unclaimed_IsRaisedAgainAfterTwoWorkingHours_OnlyInWorkingHours_Once()
    {
        await using var s = await StartAsync(FridayAfternoon);
        await s.SubmitAsync("How do we plan contact with a half-sibling adopted elsewhere?");
        var request = await s.OnlyRequestAsync();
        // One working hour on Friday, one on Monday morning.
        Assert.Equal(Utc("2026-01-19T10:30:00Z"), request.RaiseAt);

        s.Clock.SetUtcNow(Utc("2026-01-16T18:30:00Z"));   // two clock hours later, but after hours
        Assert.False(await s.Jobs.RaiseAsync(request.Id, CancellationToken.None));
        s.Clock.SetUtcNow(Utc("2026-01-17T11:00:00Z"));   // Saturday
        Assert.False(await s.Jobs.RaiseAsync(request.Id, CancellationToken.None));
        s.Clock.SetUtcNow(Utc("2026-01-19T10:29:00Z"));
        Assert.False(await s.Jobs.RaiseAsync(request.Id, CancellationToken.None));
        Assert.Single(s.CallsTo(ChannelId));

        s.Clock.SetUtcNow(Utc("2026-01-19T10:30:00Z"));
        Assert.True(await s.Jobs.RaiseAsync(request.Id, CancellationToken.None));
        Assert.False(await s.Jobs.RaiseAsync(request.Id, CancellationToken.None));   // a second run of the same job

        var raised = s.CallsTo(ChannelId);
        Assert.Equal(2, raised.Count);
        Assert.Contains("Still waiting", raised[1].CardJson);
        var stored = await s.Store.GetAsync(request.Id, CancellationToken.None);
        Assert.Equal(Utc("2026-01-19T12:30:00Z"), stored!.RaiseAt);
        Assert.Equal("activity-1", stored.ChannelMessageId);
    }

    [Fact]
    public async Task Claimed_IsNeverRaisedAgain_NorNoticed()
    {
        await using var s = await StartAsync(FridayAfternoon);
        await s.SubmitAsync("Is a yearly meeting enough for a teenager?");
        var request = await s.OnlyRequestAsync();
        await s.ConsultantAsync("29:alex", "Alex", RequestVerbs.Claim, request.Id);
        var calls = s.Connector.Calls.Count;

        s.Clock.SetUtcNow(Utc("2026-01-19T17:30:00Z"));
        Assert.False(await s.Jobs.RaiseAsync(request.Id, CancellationToken.None));
        Assert.False(await s.Jobs.NoticeAsync(request.Id, CancellationToken.None));
        Assert.Equal(calls, s.Connector.Calls.Count);
    }

    [Fact]
    public async Task NobodyTookIt_ByTheEndOfTheNextWorkingDay_ThePractitionerIsToldOnce()
    {
        await using var s = await StartAsync(FridayAfternoon);
        await s.SubmitAsync("What if adopters want to pause letterbox?");
        var request = await s.OnlyRequestAsync();
        Assert.Equal(Utc("2026-01-19T17:30:00Z"), request.NoticeAt);   // Monday's close

        s.Clock.SetUtcNow(Utc("2026-01-19T17:29:00Z"));
        Assert.False(await s.Jobs.NoticeAsync(request.Id, CancellationToken.None));
        s.Clock.SetUtcNow(Utc("2026-01-19T17:30:00Z"));
        Assert.True(await s.Jobs.NoticeAsync(request.Id, CancellationToken.None));
        Assert.False(await s.Jobs.NoticeAsync(request.Id, CancellationToken.None));

        var told = Assert.Single(s.CallsTo(Chat));
        Assert.Contains($"Nobody from the adoption support team has taken your request {request.Reference}", told.Activity["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheSweep_CatchesUpOnLostJobs_RaisingAndNoticingOnce()
    {
        await using var s = await StartAsync(FridayAfternoon);
        await s.SubmitAsync("Can adopters share photos by a secure app?");
        var request = await s.OnlyRequestAsync();

        s.Clock.SetUtcNow(Utc("2026-01-17T11:00:00Z"));   // Saturday: nothing, even though two clock hours have passed
        Assert.Equal(0, await s.Jobs.SweepAsync(CancellationToken.None));
        s.Clock.SetUtcNow(Utc("2026-01-19T10:30:00Z"));
        Assert.Equal(1, await s.Jobs.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await s.Jobs.SweepAsync(CancellationToken.None));
        s.Clock.SetUtcNow(Utc("2026-01-19T17:30:00Z"));   // closing time: told, and not raised (outside hours)
        Assert.Equal(1, await s.Jobs.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await s.Jobs.SweepAsync(CancellationToken.None));

        Assert.Equal(2, s.CallsTo(ChannelId).Count);
        Assert.Contains(request.Reference, Assert.Single(s.CallsTo(Chat)).Activity["text"]!.GetValue<string>());
    }
}
