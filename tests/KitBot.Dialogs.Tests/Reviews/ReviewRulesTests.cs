using KitBot.Dialogs.Reviews;

namespace KitBot.Dialogs.Tests.Reviews;

public sealed class ReviewRulesTests
{
    private static readonly ReviewRules Defaults = new(new ReviewRuleOptions());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Placed_ProposesFourWeeksThenThreeMonthsThenEverySixMonths()
    {
        var dates = Defaults.Propose(ReviewStage.PlacedForAdoption, D("2025-01-15")).Select(p => (p.Due, p.Sequence)).ToList();

        Assert.Equal(
            [(D("2025-02-12"), 1), (D("2025-05-12"), 2), (D("2025-11-12"), 3), (D("2026-05-12"), 4), (D("2026-11-12"), 5)],
            dates);
    }

    [Fact]
    public void Placed_AtAMonthEnd_ClampsToTheLastDayWithoutDrifting()
    {
        // 3 July + 4 weeks = 31 July; +3 months = 31 October; every 6 months from there: 30 April (clamped), then
        // 31 October again, a Saturday, so Friday 30 October; then 30 April.
        var dates = Defaults.Propose(ReviewStage.PlacedForAdoption, D("2025-07-03")).Select(p => p.Due).ToList();

        Assert.Equal([D("2025-07-31"), D("2025-10-31"), D("2026-04-30"), D("2026-10-30"), D("2027-04-30")], dates);
    }

    [Fact]
    public void AfterOrder_On29February_FallsOn28FebruaryAndBackTo29InALeapYear()
    {
        var rules = new ReviewRules(new ReviewRuleOptions { ProposeAhead = "P4Y", LifeStages = [] }, workingDays: Enum.GetValues<DayOfWeek>());

        var dates = rules.Propose(ReviewStage.AfterAdoptionOrder, D("2024-02-29")).Select(p => p.Due).ToList();

        Assert.Equal([D("2025-02-28"), D("2026-02-28"), D("2027-02-28"), D("2028-02-29")], dates);
    }

    [Fact]
    public void Authorised_ProposesThreeMonthsThenSixMonthly()
    {
        var dates = Defaults.Propose(ReviewStage.AuthorisedNotPlaced, D("2024-11-30")).Select(p => p.Due).Take(3).ToList();

        // 28 February 2026 is a Saturday: Friday 27th.
        Assert.Equal([D("2025-02-28"), D("2025-08-28"), D("2026-02-27")], dates);
    }

    [Fact]
    public void AfterOrder_WithTheChildsAge_AddsLifeStagePromptsStillAhead()
    {
        var rules = new ReviewRules(new ReviewRuleOptions { ProposeAhead = "P10Y" });

        var stages = rules.Propose(ReviewStage.AfterAdoptionOrder, D("2025-09-01"), childAgeAtStart: 9)
            .Where(p => p.Kind == ReviewKind.LifeStage).Select(p => (p.Due, p.Label)).ToList();

        Assert.Equal(
            [
                (D("2027-09-01"), "Moving to secondary school"),
                (D("2030-08-30"), "Mid-adolescence"),
                (D("2033-09-01"), "Approaching 18: letterbox ends, access to records"),
            ],
            stages);
    }

    [Fact]
    public void AfterOrder_WithoutAnAgeOrEvents_ProposesTheYearlyReviews()
    {
        var proposals = Defaults.Propose(ReviewStage.AfterAdoptionOrder, D("2025-09-01"));

        Assert.Equal([D("2026-09-01"), D("2027-09-01")], proposals.Select(p => p.Due));
        Assert.Equal([ReviewKind.Annual, ReviewKind.Annual], proposals.Select(p => p.Kind));
    }

    [Fact]
    public void Next_CountsFromTheDayTheReviewHappened()
    {
        // 1 June 2025 is a Sunday: the Friday before.
        Assert.Equal(D("2025-05-30"), Defaults.Next(ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, D("2025-03-01"))!.Due);
        Assert.Equal(D("2025-08-28"), Defaults.Next(ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 2, D("2025-02-28"))!.Due);
        Assert.Equal(3, Defaults.Next(ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 2, D("2025-02-28"))!.Sequence);
        Assert.Equal(D("2025-02-28"), Defaults.Next(ReviewStage.AfterAdoptionOrder, ReviewKind.Annual, 1, D("2024-02-29"))!.Due);
        Assert.Null(Defaults.Next(ReviewStage.AfterAdoptionOrder, ReviewKind.LifeStage, 0, D("2025-01-01")));
        Assert.Null(Defaults.Next(ReviewStage.PlacedForAdoption, ReviewKind.Custom, 0, D("2025-01-01")));
    }

    [Fact]
    public void ConfiguredRules_ReplaceTheDefaults()
    {
        var rules = new ReviewRules(new ReviewRuleOptions
        {
            Placed = new StatutoryRule { First = "P2W", Second = "P2M", Then = "P4M" },
            ProposeAhead = "P1Y",
        });

        var dates = rules.Propose(ReviewStage.PlacedForAdoption, D("2025-01-01")).Select(p => p.Due).ToList();

        // 15 March 2025 is a Saturday: Friday 14th, and the next ones count from it.
        Assert.Equal([D("2025-01-15"), D("2025-03-14"), D("2025-07-14"), D("2025-11-14")], dates);
    }

    [Theory]
    [InlineData("4 weeks")]
    [InlineData("P")]
    [InlineData("")]
    [InlineData("P0D")]
    public void BadPeriod_InSettings_StopsWithTheSettingsName(string period)
    {
        var e = Assert.Throws<FormatException>(() => new ReviewRules(new ReviewRuleOptions { AfterOrderEvery = period }));
        Assert.Contains("Reminders:Rules:AfterOrderEvery", e.Message);
    }

    [Theory]
    [InlineData("P4W", 0, 0, 28)]
    [InlineData("P3M", 0, 3, 0)]
    [InlineData("P1Y6M", 1, 6, 0)]
    [InlineData("p10d", 0, 0, 10)]
    public void Period_ParsesIsoText(string text, int years, int months, int days) =>
        Assert.Equal(new ReviewPeriod(years, months, days), ReviewPeriod.Parse(text));
}
