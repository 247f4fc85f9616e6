using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews;

namespace KitBot.Dialogs.Tests.Reviews;

/// <summary>Setting up reviews starts from what the consultation said about the child: their stage and age.</summary>
public sealed class ReviewSetupFromPlanTests
{
    [Theory]
    [InlineData("placed", nameof(ReviewStage.PlacedForAdoption))]
    [InlineData("placement-order", nameof(ReviewStage.AuthorisedNotPlaced))]
    [InlineData("adopted", nameof(ReviewStage.AfterAdoptionOrder))]
    [InlineData("care-proceedings", "")]
    [InlineData("", "")]
    public void TheSetUpCard_StartsAtTheStageThePlanWasDraftedAt(string journey, string stage)
    {
        var plan = new PlanState { Id = "p1", Title = "Plan for KIT-12", Journey = journey, AgeBand = "5-10" };

        var card = ReviewCards.Setup([plan], plan);

        Assert.Equal(stage, card.Data["stage"]!.GetValue<string>());
        Assert.Equal(7, card.Data["age"]!.GetValue<int>());
    }

    [Fact]
    public void WhatThePractitionerTyped_WinsOverThePlan()
    {
        var plan = new PlanState { Id = "p1", Title = "Plan for KIT-12", Journey = "placed" };
        var typed = new KitBot.Dialogs.Turns.CardAction(ReviewVerbs.Propose, null, null, new Dictionary<string, string> { ["stage"] = nameof(ReviewStage.AfterAdoptionOrder) });

        Assert.Equal(nameof(ReviewStage.AfterAdoptionOrder), ReviewCards.Setup([plan], plan, typed).Data["stage"]!.GetValue<string>());
    }
}
