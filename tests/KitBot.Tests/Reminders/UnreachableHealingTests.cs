using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Reviews;
using KitBot.Privacy;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Tests.Support;
using static KitBot.Tests.Reminders.ReminderScenario;

namespace KitBot.Tests.Reminders;

/// <summary>
/// Unreachable is a state that heals: after a 403 the chat's reminders wait; when the person writes again, to any
/// instance, they go out at the next working-hours slot, each once.
/// </summary>
public sealed class UnreachableHealingTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public Task Connector403Once_ThenThePersonWritesAgainToAnotherInstance_TheirNextDueReviewIsDeliveredOnce() =>
        HealAcrossInstancesAsync(postgresDatabase: null);

    [SkippableFact]
    public async Task OnPostgreSql_Connector403Once_ThenThePersonWritesAgainToAnotherInstance_TheirNextDueReviewIsDeliveredOnce()
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);
        await HealAcrossInstancesAsync(await postgres.CreateDatabaseAsync("unreachable_heals"));
    }

    private static async Task HealAcrossInstancesAsync(string? postgresDatabase)
    {
        var settings = postgresDatabase is null ? [] : PostgresServer.HostSettings(postgresDatabase);
        await using var s = await StartAsync("2025-06-16T08:00:00Z", settings);   // Monday 09:00 London
        // A second instance on the same database and clock, receiving the person's messages.
        await using var other = postgresDatabase is null
            ? await ReminderHost.StartAsync(s.Clock, s.Host.DataFolder)
            : await ReminderHost.StartAsync(s.Clock, settings: settings);
        var today = await s.AddReviewAsync("2025-06-16", sequence: 1);
        var later = await s.AddReviewAsync("2025-06-18", sequence: 2);

        // The person writes first (the other instance has seen their reference), then the reminder is refused once.
        s.Clock.SetUtcNow(Utc("2025-06-16T08:29:00Z"));
        await WriteAsync(other, s.Connector, "help");
        var repliesBefore = s.Connector.Calls.Count;
        s.Connector.Respond = (n, _) => n == repliesBefore ? 403 : 201;
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T08:30:00Z"));
        Assert.Equal(ReviewState.Undeliverable, (await s.ReviewAsync(today.Id)).State);
        Assert.Equal(ReviewState.Undeliverable, (await s.ReviewAsync(later.Id)).State);
        Assert.True((await s.Host.Get<IConversationStore>().GetReferenceAsync($"msteams:{Conversation}", default))!.Unreachable);
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T08:30:30Z"));

        // A minute later they write again, to the other instance, two minutes after it last saw them.
        s.Clock.SetUtcNow(Utc("2025-06-16T08:31:00Z"));
        await WriteAsync(other, s.Connector, "help");

        Assert.False((await s.Host.Get<IConversationStore>().GetReferenceAsync($"msteams:{Conversation}", default))!.Unreachable);
        var reopened = await s.ReviewAsync(today.Id);
        Assert.Equal(ReviewState.Pending, reopened.State);
        Assert.Equal(Utc("2025-06-16T08:31:00Z"), reopened.RemindAt);     // inside working hours: the next slot is now
        Assert.Equal(Utc("2025-06-18T08:30:00Z"), (await s.ReviewAsync(later.Id)).RemindAt); // its own time is later

        Assert.Equal(1, await s.SweepAtAsync("2025-06-16T08:32:00Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-16T12:00:00Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-17T12:00:00Z"));
        Assert.Equal(1, await s.SweepAtAsync("2025-06-18T08:30:00Z"));
        Assert.Equal(0, await s.SweepAtAsync("2025-06-19T08:30:00Z"));

        Assert.Single(Reminders(s, "Statutory review 1"), c => c.Status == 201);
        Assert.Single(Reminders(s, "Statutory review 2"), c => c.Status == 201);
        Assert.Equal(ReviewState.Sent, (await s.ReviewAsync(today.Id)).State);
        Assert.Equal(ReviewState.Sent, (await s.ReviewAsync(later.Id)).State);

        // The audit trail says what happened, by review id only.
        var audit = await s.Host.Get<AuditLog>().ListAsync(User, default);
        Assert.Contains(audit, e => e.Action == UndeliverableReminders.UndeliverableAction && e.Subject == today.Id);
        Assert.Contains(audit, e => e.Action == UndeliverableReminders.ReopenedAction && e.Subject == today.Id);
    }

    [Fact]
    public async Task ThePersonWritesOutsideWorkingHours_TheirReminderWaitsForTheNextSlot()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        s.Connector.Respond = (n, _) => n == 0 ? 403 : 201;
        var review = await s.AddReviewAsync("2025-06-16");
        await s.SweepAtAsync("2025-06-16T08:30:00Z");
        Assert.Equal(ReviewState.Undeliverable, (await s.ReviewAsync(review.Id)).State);

        s.Clock.SetUtcNow(Utc("2025-06-16T20:00:00Z"));                  // Monday 21:00 London
        await WriteAsync(s.Host, s.Connector, "help");

        Assert.Equal(Utc("2025-06-17T08:30:00Z"), (await s.ReviewAsync(review.Id)).RemindAt);
        Assert.Equal(0, await s.SweepAtAsync("2025-06-17T08:29:00Z"));
        Assert.Equal(1, await s.SweepAtAsync("2025-06-17T08:30:00Z"));
        Assert.Single(Reminders(s, "Statutory review 1"), c => c.Status == 201);
    }

    [Fact]
    public async Task GroupReviews_WhosePersonalChatIsBlocked_WaitWithoutAskingAgain_AndHealWhenThePersonWritesThere()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z");
        const string channel = "19:team-channel@thread.tacv2";
        await s.Host.AddConversationAsync(s.Connector, channel, User, isGroup: true);
        s.Connector.Respond = (n, _) => n == 0 ? 403 : 201;
        var first = await s.AddReviewAsync("2025-06-16", conversation: channel, sequence: 1);
        await s.SweepAtAsync("2025-06-16T08:30:00Z");
        Assert.Equal(ReviewState.Undeliverable, (await s.ReviewAsync(first.Id)).State);

        // A new review in the same channel comes due: the blocked personal chat is not asked again.
        var second = await s.AddReviewAsync("2025-06-17", conversation: channel, sequence: 2);
        await s.SweepAtAsync("2025-06-17T08:30:00Z");
        Assert.Single(s.Connector.Calls);
        Assert.Equal(ReviewState.Undeliverable, (await s.ReviewAsync(second.Id)).State);

        // They write in their personal chat: both reminders go there, once each.
        await WriteAsync(s.Host, s.Connector, "help", $"personal-{User}");
        await s.SweepAtAsync("2025-06-17T09:00:00Z");
        await s.SweepAtAsync("2025-06-17T10:00:00Z");
        Assert.Single(Reminders(s, "Statutory review 1"), c => c.Status == 201);
        Assert.Single(Reminders(s, "Statutory review 2"), c => c.Status == 201);
    }

    [Fact]
    public async Task ReminderGivenUpAfterItsRetries_IsRecordedInTheAudit()
    {
        await using var s = await StartAsync("2025-06-16T08:30:00Z", "Reminders:MaxAttempts=2", "Reminders:FirstRetryDelay=00:01:00");
        s.Connector.Respond = (_, _) => 500;
        var review = await s.AddReviewAsync("2025-06-16");

        await s.SweepAtAsync("2025-06-16T08:30:00Z");
        await s.SweepAtAsync("2025-06-16T09:30:00Z");
        await s.SweepAtAsync("2025-06-16T11:30:00Z");

        Assert.Equal(2, s.Connector.Calls.Count);
        Assert.Equal(ReviewState.Failed, (await s.ReviewAsync(review.Id)).State);
        var entry = Assert.Single(await s.Host.Get<AuditLog>().ListAsync(User, default), e => e.Action == UndeliverableReminders.FailedAction);
        Assert.Equal(review.Id, entry.Subject);
    }

    private static IEnumerable<ConnectorCall> Reminders(ReminderScenario s, string label) =>
        s.Connector.Calls.Where(c => c.Activity["summary"]?.GetValue<string>().Contains(label, StringComparison.Ordinal) == true);

    /// <summary>The practitioner types in their personal chat, through the instance's /api/messages.</summary>
    private static async Task WriteAsync(ReminderHost host, FakeConnector connector, string text, string conversation = Conversation)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Url) };
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "m-" + Guid.NewGuid().ToString("N"),
            ["serviceUrl"] = connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = User },
            ["recipient"] = new JsonObject { ["id"] = "bot-1" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal" },
            ["text"] = text,
        };
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
