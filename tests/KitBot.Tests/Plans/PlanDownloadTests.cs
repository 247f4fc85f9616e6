using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Plans;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KitBot.Tests.Plans;

/// <summary>
/// GET /plans/download/{token} on the real host: a valid link gives the practitioner's plan as an attachment; an
/// expired, altered or made-up link, a link naming someone else's plan, and no link at all give nothing.
/// </summary>
public sealed class PlanDownloadTests : IDisposable
{
    private static readonly string Alice = ConversationReference.StateKeyFor(ConversationReference.KeyFor("msteams", "a:alice-chat"), "29:alice");
    private static readonly string Bob = ConversationReference.StateKeyFor(ConversationReference.KeyFor("msteams", "a:bob-chat"), "29:bob");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly KitBotFactory _host;

    public PlanDownloadTests()
    {
        _host = new KitBotFactory().WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    public void Dispose() => _host.Dispose();

    private DownloadLinks Links => _host.Services.GetRequiredService<DownloadLinks>();

    private async Task<PlanState> StorePlanAsync(string stateKey, string userId, int startHour = 9)
    {
        var plan = PlanDriver.CaseB(userId, startHour);
        var saved = await _host.Services.GetRequiredService<IConversationStore>()
            .TrySaveStateAsync(stateKey, ConversationStateSerializer.Serialize(plan.State), 0, _time.GetUtcNow(), default);
        Assert.True(saved);
        return plan.Plan;
    }

    private async Task<HttpResponseMessage> GetAsync(Uri url) => await _host.CreateClient().GetAsync(url.PathAndQuery);

    [Fact]
    public async Task ValidLink_GivesThePlanAsAWordAttachment()
    {
        var plan = await StorePlanAsync(Alice, "29:alice");
        var link = Links.Issue(Alice, plan.Id, PlanFormat.Word);
        Assert.StartsWith("/plans/download/", link.Url.AbsolutePath);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), link.Expires);

        using var response = await GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("kit-plan-2025-03-03.docx", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        Assert.Contains(plan.Section(PlanSectionIds.Purpose)!.Text.Split('\n')[0], doc.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public async Task ValidLink_GivesThePlanAsText()
    {
        var plan = await StorePlanAsync(Alice, "29:alice");
        using var response = await GetAsync(Links.Issue(Alice, plan.Id, PlanFormat.Text).Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(plan.Title) + "\r\nVersion 1, [^\r\n]+\r\n\r\nPurpose\r\n", text.TrimStart('\uFEFF'));
        Assert.Contains("\r\n\r\nRevision history\r\nVersion 1, ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_WorksUntilItExpires_ThenIsRefused()
    {
        var plan = await StorePlanAsync(Alice, "29:alice");
        var link = Links.Issue(Alice, plan.Id, PlanFormat.Word);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        using (var justInTime = await GetAsync(link.Url))
        {
            Assert.Equal(HttpStatusCode.OK, justInTime.StatusCode);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        using var expired = await GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("has expired", await expired.Content.ReadAsStringAsync());
        Assert.Null(expired.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task ALinkUsedTwice_GivesTheFileOnce_AndAKindRefusalTheSecondTime()
    {
        var plan = await StorePlanAsync(Alice, "29:alice");
        var link = Links.Issue(Alice, plan.Id, PlanFormat.Text);

        using (var first = await GetAsync(link.Url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.NotNull(first.Content.Headers.ContentDisposition);
        }

        // Anyone else with the same link afterwards, at any time before it expires, gets nothing.
        using var second = await GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("already been used", await second.Content.ReadAsStringAsync());
        Assert.Null(second.Content.Headers.ContentDisposition);
        Assert.Equal(1, _host.CountRows("download_used"));

        // A new link for the same plan works (once).
        using var fresh = await GetAsync(Links.Issue(Alice, plan.Id, PlanFormat.Text).Url);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ManyRequestsRacingForOneLink_GetOneFileBetweenThem()
    {
        var plan = await StorePlanAsync(Alice, "29:alice");
        var link = Links.Issue(Alice, plan.Id, PlanFormat.Text);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GetAsync(link.Url)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Gone));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public void DefaultLinkLifetime_IsFiveMinutes() => Assert.Equal(TimeSpan.FromMinutes(5), new PlanOptions().DownloadLinkLifetime);

    [Fact]
    public async Task LinkLifetime_ComesFromSettings()
    {
        using var host = new KitBotFactory()
            .WithSetting("Plans:DownloadLinkLifetime", "00:02:00")
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
        var link = host.Services.GetRequiredService<DownloadLinks>().Issue(Alice, "pl-1", PlanFormat.Word);
        Assert.Equal(_time.GetUtcNow().AddMinutes(2), link.Expires);
    }

    [Fact]
    public async Task ALinkCannotReachAnotherPersonsPlan()
    {
        var alices = await StorePlanAsync(Alice, "29:alice");
        var bobs = await StorePlanAsync(Bob, "29:bob", startHour: 8);
        Assert.NotEqual(alices.Id, bobs.Id);

        // Bob's plan id in a link issued to Alice finds nothing: the link only ever looks in Alice's own state.
        using var crossed = await GetAsync(Links.Issue(Alice, bobs.Id, PlanFormat.Word).Url);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Null(crossed.Content.Headers.ContentDisposition);

        // Each person's link gives their own plan.
        using var own = await GetAsync(Links.Issue(Bob, bobs.Id, PlanFormat.Text).Url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task AlteredOrMadeUpLinks_AreRefused()
    {
        var plan = await StorePlanAsync(Alice, "29:alice");
        var url = Links.Issue(Alice, plan.Id, PlanFormat.Word).Url.AbsolutePath;
        var token = url[DownloadLinks.PathPrefix.Length..];
        var flipped = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];
        var otherPurpose = _host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Something.Else")
            .Protect($$"""{"k":"{{Alice}}","p":"{{plan.Id}}","f":"docx","e":{{_time.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}""");
        var otherKeys = new EphemeralDataProtectionProvider().CreateProtector(DownloadLinks.Purpose)
            .Protect($$"""{"k":"{{Alice}}","p":"{{plan.Id}}","f":"docx","e":{{_time.GetUtcNow().AddHours(1).ToUnixTimeSeconds()}}}""");

        foreach (var bad in new[] { flipped, token[..^4], token + "AAAA", otherPurpose, otherKeys, "not-a-token" })
        {
            using var response = await _host.CreateClient().GetAsync(DownloadLinks.PathPrefix + bad);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("not valid", await response.Content.ReadAsStringAsync());
            Assert.Null(response.Content.Headers.ContentDisposition);
        }
    }

    [Fact]
    public async Task WithoutALink_ThereIsNothingToDownload()
    {
        await StorePlanAsync(Alice, "29:alice");
        var client = _host.CreateClient();
        foreach (var path in new[] { "/plans/download", "/plans/download/", "/plans" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task ADeletedPlan_CannotBeDownloaded()
    {
        var plan = await StorePlanAsync(Alice, "29:alice");
        var link = Links.Issue(Alice, plan.Id, PlanFormat.Word);
        var store = _host.Services.GetRequiredService<IConversationStore>();
        var stored = await store.LoadStateAsync(Alice, default);
        var without = ConversationStateSerializer.Deserialize(stored.Json) with { Plans = [] };
        Assert.True(await store.TrySaveStateAsync(Alice, ConversationStateSerializer.Serialize(without), stored.Version, _time.GetUtcNow(), default));

        using var response = await GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void PublicBaseUrl_FromSettings_IsWhereLinksPoint()
    {
        using var host = new KitBotFactory().WithSetting("Plans:PublicBaseUrl", "https://kitbot.example.org/team/");
        var link = host.Services.GetRequiredService<DownloadLinks>().Issue(Alice, "pl-1", PlanFormat.Text);
        Assert.StartsWith("https://kitbot.example.org/team/plans/download/", link.Url.AbsoluteUri);
        Assert.DoesNotContain("alice", link.Url.AbsoluteUri, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Plans:PublicBaseUrl", "kitbot.example.org", "Plans:PublicBaseUrl")]
    [InlineData("Plans:PublicBaseUrl", "ftp://kitbot.example.org", "Plans:PublicBaseUrl")]
    [InlineData("Plans:DownloadLinkLifetime", "00:00:10", "Plans:DownloadLinkLifetime")]
    public void BadSettings_StopTheHost_NamingThem(string key, string value, string named)
    {
        using var host = new KitBotFactory().WithSetting(key, value);
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains(named, error.ToString());
    }
}
