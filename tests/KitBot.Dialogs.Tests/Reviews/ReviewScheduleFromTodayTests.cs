using KitBot.Dialogs.Reviews;

namespace KitBot.Dialogs.Tests.Reviews;

/// <summary>
/// Review dates worked out by hand against PRACTICE.md ("Law and timings in England"): counted forward from today
/// for any past start, event reviews from the event, due dates moved back off weekends and bank holidays.
/// </summary>
public sealed class ReviewScheduleFromTodayTests
{
    // England and Wales bank holidays in appsettings.json, as the host passes them.
    private static readonly DateOnly[] BankHolidays = [D("2026-12-25"), D("2026-12-28"), D("2027-01-01"), D("2027-03-26"), D("2027-03-29")];

    private static readonly ReviewRules Rules = new(new ReviewRuleOptions(), BankHolidays);

    // Monday 7 December 2026.
    private static readonly DateOnly Today = D("2026-12-07");

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static List<(DateOnly, ReviewKind, int)> Dates(IEnumerable<ProposedReview> proposals) =>
        proposals.Select(p => (p.Due, p.Kind, p.Sequence)).ToList();

    [Fact]
    public void OrderMadeTwoYearsAgo_GetsTheNextYearlyReviewsAndTheLifeStagesStillAhead()
    {
        // Order Monday 2 December 2024, child 6 then: review 2 (2 December 2026) is past; 2 December 2028 is a Saturday.
        var proposals = Rules.Propose(ReviewStage.AfterAdoptionOrder, D("2024-12-02"), childAgeAtStart: 6, today: Today);

        Assert.Equal(
            [
                (D("2027-12-02"), ReviewKind.Annual, 3),
                (D("2028-12-01"), ReviewKind.Annual, 4),
                (D("2029-11-30"), ReviewKind.LifeStage, 0),   // secondary school at 11: Sunday 2 December 2029
                (D("2032-12-02"), ReviewKind.LifeStage, 0),   // mid-adolescence at 14
                (D("2035-11-30"), ReviewKind.LifeStage, 0),   // approaching 18 (17): Sunday 2 December 2035
            ],
            Dates(proposals));
        Assert.All(proposals, p => Assert.True(p.Due >= Today));
    }

    [Fact]
    public void OrderMadeFiveYearsAgo_SkipsTheReviewJustGone()
    {
        // Order Monday 6 December 2021, child 3: review 5 was due Friday 4 December 2026 (the 6th is a Sunday), so it is past.
        var proposals = Rules.Propose(ReviewStage.AfterAdoptionOrder, D("2021-12-06"), childAgeAtStart: 3, today: Today);

        Assert.Equal(
            [
                (D("2027-12-06"), ReviewKind.Annual, 6),
                (D("2028-12-06"), ReviewKind.Annual, 7),
                (D("2029-12-06"), ReviewKind.LifeStage, 0),
                (D("2032-12-06"), ReviewKind.LifeStage, 0),
                (D("2035-12-06"), ReviewKind.LifeStage, 0),
            ],
            Dates(proposals));
        Assert.Equal("Keeping-in-touch review 6 after the adoption order", proposals[0].Label);
    }

    [Fact]
    public void OrderMadeTenYearsAgo_OnTheAnniversary_IncludesTodaysReview()
    {
        // Order Wednesday 7 December 2016, child 2: the tenth review is today; secondary school (2025) has passed.
        var proposals = Rules.Propose(ReviewStage.AfterAdoptionOrder, D("2016-12-07"), childAgeAtStart: 2, today: Today);

        Assert.Equal(
            [
                (D("2026-12-07"), ReviewKind.Annual, 10),
                (D("2027-12-07"), ReviewKind.Annual, 11),
                (D("2028-12-07"), ReviewKind.Annual, 12),
                (D("2028-12-07"), ReviewKind.LifeStage, 0),
                (D("2031-12-05"), ReviewKind.LifeStage, 0),   // Sunday 7 December 2031
            ],
            Dates(proposals));
    }

    [Fact]
    public void PlacedOnAFriday_WhoseFourWeekDateIsABankHoliday_MovesToTheDayBefore()
    {
        // Friday 27 November 2026 + 4 weeks = Friday 25 December (a bank holiday in settings): Thursday 24th.
        // The second is counted from that day, so it is never more than 3 months after the first.
        var dates = Rules.Propose(ReviewStage.PlacedForAdoption, D("2026-11-27"), today: D("2026-11-27")).Select(p => p.Due).Take(2).ToList();

        Assert.Equal([D("2026-12-24"), D("2027-03-24")], dates);
    }

    [Fact]
    public void PlacedOnAFriday_WhoseThreeMonthDateIsASaturday_MovesToTheFridayBefore_AndTheNextCountsFromIt()
    {
        // Four weeks after a Friday is always a Friday; the weekend comes with the second review:
        // Friday 16 October 2026 + 4 weeks = Friday 13 November; + 3 months = Saturday 13 February 2027, so Friday 12th;
        // + 6 months from the 12th = Thursday 12 August.
        var dates = Rules.Propose(ReviewStage.PlacedForAdoption, D("2026-10-16"), today: D("2026-10-16")).Select(p => p.Due).Take(3).ToList();

        Assert.Equal([D("2026-11-13"), D("2027-02-12"), D("2027-08-12")], dates);
    }

    [Fact]
    public void AFirstReviewPeriodInDays_LandingOnASunday_MovesToFriday()
    {
        // A local authority that counts the first review as 30 days: Friday 29 January 2027 + 30 days = Sunday 28 February.
        var rules = new ReviewRules(new ReviewRuleOptions { Placed = new StatutoryRule { First = "P30D", Second = "P3M", Then = "P6M" } }, BankHolidays);

        Assert.Equal(D("2027-02-26"), rules.Propose(ReviewStage.PlacedForAdoption, D("2027-01-29"), today: D("2027-01-29"))[0].Due);
    }

    [Fact]
    public void TheIssuesExample_PlacedOn16November_Moves14MarchOffTheSunday()
    {
        var dates = Rules.Propose(ReviewStage.PlacedForAdoption, D("2026-11-16"), today: D("2026-11-16")).Select(p => p.Due).Take(3).ToList();

        // Sunday 14 March 2027 becomes Friday 12th; six months from the 12th is Sunday 12 September, so Friday 10th.
        Assert.Equal([D("2026-12-14"), D("2027-03-12"), D("2027-09-10")], dates);
    }

    [Fact]
    public void NoStatutoryGap_IsLongerThanTheRule_AcrossYearsOfWeekendsAndHolidays()
    {
        for (var start = D("2026-01-01"); start < D("2027-01-01"); start = start.AddDays(1))
        {
            var dates = Rules.Propose(ReviewStage.PlacedForAdoption, start, today: start).Select(p => p.Due).ToList();
            Assert.True(dates[0] <= start.AddDays(28) && Rules.IsWorkingDay(dates[0]), $"{start}: first {dates[0]}");
            Assert.True(dates[1] <= dates[0].AddMonths(3), $"{start}: second {dates[1]}");
            for (var i = 2; i < dates.Count; i++)
            {
                Assert.True(dates[i] <= dates[i - 1].AddMonths(6) && Rules.IsWorkingDay(dates[i]), $"{start}: review {i + 1} {dates[i]}");
            }
        }
    }

    [Fact]
    public void ABankHolidayFromSettings_IsNotADueDate_WithoutItTheDateStays()
    {
        var withoutHolidays = new ReviewRules(new ReviewRuleOptions());

        Assert.Equal(D("2026-12-25"), withoutHolidays.Propose(ReviewStage.PlacedForAdoption, D("2026-11-27"), today: D("2026-11-27"))[0].Due);
        Assert.Equal(D("2026-12-24"), Rules.Propose(ReviewStage.PlacedForAdoption, D("2026-11-27"), today: D("2026-11-27"))[0].Due);
    }

    [Fact]
    public void PlacedLongAgo_ProposesOnlyTheStatutoryReviewsStillAhead()
    {
        // Placed Monday 16 November 2026, set up on Monday 7 June 2027: reviews 1 (14 December) and 2 (12 March) are past.
        var proposals = Rules.Propose(ReviewStage.PlacedForAdoption, D("2026-11-16"), today: D("2027-06-07"));

        Assert.Equal((D("2027-09-10"), ReviewKind.Statutory, 3), Dates(proposals)[0]);
        Assert.All(proposals, p => Assert.True(p.Due >= D("2027-06-07")));
    }

    [Fact]
    public void TheFirstExchangeAfterPlacement_IsReviewedFromWhenItHappens_NotFromTheOrder()
    {
        // Order made 1 September 2025; the first exchange is Wednesday 3 March 2027: reviewed two weeks later, Wednesday 17th.
        var proposals = Rules.Propose(
            ReviewStage.AfterAdoptionOrder, D("2025-09-01"), today: Today,
            events: new Dictionary<string, DateOnly> { ["firstExchange"] = D("2027-03-03") });

        var review = Assert.Single(proposals, p => p.Kind == ReviewKind.Event);
        Assert.Equal(D("2027-03-17"), review.Due);
        Assert.Equal("How the first exchange or meeting after placement went", review.Label);
        Assert.DoesNotContain(proposals, p => p.Due == D("2025-12-01"));
    }

    [Fact]
    public void TheFirstSiblingMeeting_IsReviewedFromWhenItHappens_AtAnyStage()
    {
        // Placed 16 November 2026; the sibling meeting is Friday 12 March 2027: two weeks later is Friday 26 March, a
        // bank holiday (Good Friday) in settings, so Thursday 25th.
        var proposals = Rules.Propose(
            ReviewStage.PlacedForAdoption, D("2026-11-16"), today: D("2026-11-16"),
            events: new Dictionary<string, DateOnly> { ["firstSiblingMeeting"] = D("2027-03-12") });

        var review = Assert.Single(proposals, p => p.Kind == ReviewKind.Event);
        Assert.Equal((D("2027-03-25"), "How the first sibling meeting went"), (review.Due, review.Label));
    }

    [Fact]
    public void AnEventLongPast_GivesNoReview()
    {
        var proposals = Rules.Propose(
            ReviewStage.AfterAdoptionOrder, D("2024-12-02"), today: Today,
            events: new Dictionary<string, DateOnly> { ["firstExchange"] = D("2025-03-03") });

        Assert.DoesNotContain(proposals, p => p.Kind == ReviewKind.Event);
    }

    [Theory]
    [InlineData("2027-03-03")]
    [InlineData("03/03/2027")]
    [InlineData("3/3/2027")]
    [InlineData("3 March 2027")]
    [InlineData("3rd March 2027")]
    [InlineData("3 Mar 2027")]
    [InlineData("3 march 2027")]
    [InlineData("Wednesday 3 March 2027")]
    [InlineData(" 03-03-2027 ")]
    [InlineData("03.03.2027")]
    public void Dates_AreReadInUkFormsAndIso(string text) => Assert.Equal(D("2027-03-03"), ReviewDate.Read(text));

    [Theory]
    [InlineData("12/01/2027", "2027-01-12")]
    [InlineData("16/11/2026", "2026-11-16")]
    [InlineData("1 September 2025", "2025-09-01")]
    [InlineData("1 Sept 2025", "2025-09-01")]
    public void DayComesFirst_NeverAmerican(string text, string iso) => Assert.Equal(D(iso), ReviewDate.Read(text));

    [Theory]
    [InlineData("31/02/2027")]
    [InlineData("13/13/2027")]
    [InlineData("next Tuesday")]
    [InlineData("3 Marchh 2027")]
    [InlineData("2027/03/03")]
    [InlineData("")]
    [InlineData(null)]
    public void NotADate_IsRefused(string? text) => Assert.Null(ReviewDate.Read(text));
}
