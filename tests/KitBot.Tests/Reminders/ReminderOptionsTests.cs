using KitBot.Reminders;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Reminders;

public sealed class ReminderOptionsTests
{
    [Fact]
    public async Task AppSettings_BindToTheDocumentedDefaults_WithoutDoublingLists()
    {
        await using var host = await ReminderHost.StartAsync();
        var options = host.Get<IOptions<ReminderOptions>>().Value;

        Assert.Equal("Europe/London", options.DefaultTimeZone);
        Assert.Equal(5, options.WorkingHours.EffectiveDays.Count);
        Assert.Equal(4, options.Rules.EffectiveLifeStages.Count);
        Assert.Equal(["firstExchange", "firstSiblingMeeting"], options.Rules.EffectiveEvents.Select(e => e.Id));
        Assert.Contains("2025-12-25", options.WorkingHours.BankHolidays);
        Assert.Equal("P4W", options.Rules.Placed.First);
    }

    [Theory]
    [InlineData("Reminders:DefaultTimeZone=Mars/Olympus", "Reminders:DefaultTimeZone")]
    // KitBot runs without ICU, which the runtime needs to map a Windows id to an IANA one: refused, not misread.
    [InlineData("Reminders:DefaultTimeZone=GMT Standard Time", "Reminders:DefaultTimeZone")]
    [InlineData("Reminders:WorkingHours:Start=9.30", "Reminders:WorkingHours:Start")]
    [InlineData("Reminders:WorkingHours:BankHolidays:0=25/12/2025", "Reminders:WorkingHours:BankHolidays")]
    [InlineData("Reminders:Rules:Placed:First=four weeks", "Reminders:Rules:Placed:First")]
    [InlineData("Reminders:Hangfire:Storage=Redis", "Reminders:Hangfire:Storage")]
    public async Task BadSetting_StopsTheHost_NamingIt(string setting, string named)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => ReminderHost.StartAsync(settings: [setting]));
        Assert.Contains(named, e.Message);
    }
}
