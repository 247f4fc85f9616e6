using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Handover;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Handover;

public sealed class HandoverRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    private static readonly WorkingHours London = new(
        TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new TimeOnly(9, 30), new TimeOnly(17, 30),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);

    private static HandoverTicket Ticket(DateTimeOffset? usedAt = null, string? usedBy = null) =>
        new(HandoverPurpose.Handover, "pl-1", "owner", HandoverRules.ExpiresAt(Now), usedAt, usedBy);

    [Fact]
    public void NewCodes_AreEightCharactersWithoutLookAlikes_AndReadBackHoweverTyped()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => HandoverCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", c));
        Assert.True(codes.Distinct().Count() > 190);
        var code = codes[0];
        Assert.Equal(code, HandoverCodes.Read(HandoverCodes.Show(code)));
        Assert.Equal(code, HandoverCodes.Read(" " + HandoverCodes.Show(code).ToLowerInvariant() + "."));
        Assert.Equal(code, HandoverCodes.Read(code[..4] + " " + code[4..]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFG")]
    [InlineData("ABCD-EFGHJ")]
    [InlineData("ABCD-EF0H")]
    [InlineData("ABCD-EFIH")]
    [InlineData("my plan")]
    public void Read_RefusesWhatCannotBeACode(string? typed) => Assert.Null(HandoverCodes.Read(typed));

    [Fact]
    public void Hash_DependsOnThePurposeAndTheKey_AndNeverContainsTheCode()
    {
        byte[] key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
        var hand = HandoverCodes.Hash("ABCDEFGH", HandoverPurpose.Handover, key);
        Assert.NotEqual(hand, HandoverCodes.Hash("ABCDEFGH", HandoverPurpose.Partner, key));
        Assert.NotEqual(hand, HandoverCodes.Hash("ABCDEFGH", HandoverPurpose.Handover, new byte[32]));
        Assert.Equal(hand, HandoverCodes.Hash("ABCDEFGH", HandoverPurpose.Handover, key));
        Assert.Equal(64, hand.Length);
        Assert.DoesNotContain("ABCDEFGH", hand, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_SaysWhatACodeIs()
    {
        Assert.Equal(HandoverCheck.Wrong, HandoverRules.Check(null, "colleague", Now));
        Assert.Equal(HandoverCheck.Valid, HandoverRules.Check(Ticket(), "colleague", Now.AddHours(47.9)));
        Assert.Equal(HandoverCheck.Expired, HandoverRules.Check(Ticket(), "colleague", Now.AddHours(48)));
        Assert.Equal(HandoverCheck.OwnCode, HandoverRules.Check(Ticket(), "owner", Now));
        Assert.Equal(HandoverCheck.Used, HandoverRules.Check(Ticket(Now, "someone"), "colleague", Now));
        // Its own user may type it again (a retry, or a move cut short), even after the 48 hours.
        Assert.Equal(HandoverCheck.UsedByYou, HandoverRules.Check(Ticket(Now, "colleague"), "colleague", Now.AddHours(60)));
    }

    [Fact]
    public void Pick_FindsThePlanByNumberOrWords_AndNothingWhenUnclear()
    {
        PlanState Plan(string id, string title, int day) => new() { Id = id, Title = title, Created = Now.AddDays(day) };
        var older = Plan("pl-a", "Plan for a child aged 2 to 4, started 3 Mar 2025", -10);
        var newer = Plan("pl-b", "Plan for a child aged 11 to 15, started 1 Oct 2026", -1);
        IReadOnlyList<PlanState> plans = [older, newer];

        Assert.Same(newer, HandoverRules.Pick(plans, "1"));
        Assert.Same(older, HandoverRules.Pick(plans, "2"));
        Assert.Null(HandoverRules.Pick(plans, "3"));
        Assert.Same(older, HandoverRules.Pick(plans, "2 to 4"));
        Assert.Null(HandoverRules.Pick(plans, "plan for a child"));
        Assert.Null(HandoverRules.Pick(plans, null));
        Assert.Same(older, HandoverRules.Pick([older], null));
        Assert.Null(HandoverRules.Pick([], "1"));
    }

    [Fact]
    public void Unanswered_CountsWholeWorkingDays_SkipsWeekendsAndHolidays_AndWaitsForWorkingHours()
    {
        // Sent Thursday 17 Dec 2026 09:30; Fri 18, Mon 21, Tue 22 are three working days.
        var sent = new DateTimeOffset(2026, 12, 17, 9, 30, 0, TimeSpan.Zero);
        Assert.False(HandoverRules.Unanswered(sent, new DateTimeOffset(2026, 12, 21, 16, 0, 0, TimeSpan.Zero), 3, London));
        Assert.True(HandoverRules.Unanswered(sent, new DateTimeOffset(2026, 12, 22, 9, 30, 0, TimeSpan.Zero), 3, London));
        // Not at night, even when the days have passed.
        Assert.False(HandoverRules.Unanswered(sent, new DateTimeOffset(2026, 12, 22, 20, 0, 0, TimeSpan.Zero), 3, London));

        // Sent Wednesday 23 Dec: Thu 24, then the 25th and 28th are holidays and 26-27 a weekend; Tue 29, Wed 30 make three.
        var beforeChristmas = new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.Zero);
        Assert.False(HandoverRules.Unanswered(beforeChristmas, new DateTimeOffset(2026, 12, 29, 12, 0, 0, TimeSpan.Zero), 3, London));
        Assert.True(HandoverRules.Unanswered(beforeChristmas, new DateTimeOffset(2026, 12, 30, 12, 0, 0, TimeSpan.Zero), 3, London));
    }

    [Theory]
    [InlineData("take over ABCD-EFGH", HandoverVerbs.Take, HandoverVerbs.Code, "ABCD-EFGH")]
    [InlineData("Take over abcd efgh.", HandoverVerbs.Take, HandoverVerbs.Code, "abcd efgh")]
    [InlineData("/kit share reminders ABCD-EFGH", HandoverVerbs.Share, HandoverVerbs.Code, "ABCD-EFGH")]
    [InlineData("hand over 2", HandoverVerbs.Start, HandoverVerbs.Which, "2")]
    [InlineData("reminder partner 1", HandoverVerbs.Partner, HandoverVerbs.Which, "1")]
    public void TypedCommands_CarryTheWordsAfterTheCommand(string typed, string verb, string key, string value)
    {
        var action = TypedCommands.ActionOf(new TextInput(typed));
        Assert.NotNull(action);
        Assert.Equal(verb, action.Verb);
        Assert.Equal(value, action.Value(key));
    }

    [Fact]
    public void TypedCommands_WithoutWords_StillMeanTheCommand_AndOtherTextIsNotOne()
    {
        Assert.Equal(HandoverVerbs.Start, TypedCommands.ActionOf(new TextInput("hand over"))!.Verb);
        Assert.Equal(HandoverVerbs.Take, TypedCommands.ActionOf(new TextInput("take over"))!.Verb);
        Assert.Null(TypedCommands.ActionOf(new TextInput("takeover of the placement was discussed")));
        Assert.Null(TypedCommands.ActionOf(new TextInput("the sibling asked to hand over a letter")));
    }
}
