using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>Plans in persisted state, through the real serializer: lossless, stable names, older state readable.</summary>
public sealed class PlanStateTests
{
    [Fact]
    public void APlan_WithAnEdit_RoundTripsLosslessly()
    {
        var t = PlanScenarios.CaseB();
        t.SaveSection(PlanSectionIds.Review, t.State.Plans[0].Section(PlanSectionIds.Review)!.Text + "\nReview at the next looked after review.");
        var json = t.StateJson;

        Assert.Equal(json, ConversationStateSerializer.Serialize(ConversationStateSerializer.Deserialize(json)));
        var plan = Assert.Single(ConversationStateSerializer.Deserialize(json).Plans);
        var review = plan.Section(PlanSectionIds.Review)!;
        Assert.True(review.Edited);
        Assert.Equal(1, review.Revision);
        Assert.EndsWith("\nReview at the next looked after review.", review.Text);
        Assert.Equal(t.State.Consultation!.Id, plan.ConsultationId);
        Assert.True(plan.Updated > plan.Created);
    }

    [Fact]
    public void WireNames_AreStable()
    {
        var json = PlanScenarios.CaseA().StateJson;
        foreach (var name in new[]
        {
            "\"v\":5", "\"plans\":[{\"id\":\"pl-", "\"title\":\"Plan for a child aged 2 to 4, started 3 Mar 2025\"", "\"consultation\":\"c-",
            "\"created\":\"2025-03-03T", "\"updated\":\"2025-03-03T", "\"sections\":[{\"id\":\"purpose\",\"text\":", "\"rev\":0", "\"edited\":false",
        })
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version2State_ReadsWithNoPlans()
    {
        var state = ConversationStateSerializer.Deserialize("""{"v":2,"greeted":true,"consultation":{"id":"c-1","step":"child"}}""");
        Assert.Equal(ConversationState.CurrentSchemaVersion, state.SchemaVersion);
        Assert.Empty(state.Plans);
        Assert.Equal("c-1", state.Consultation!.Id);
    }

    [Fact]
    public void MissingSections_ReadAsEmpty()
    {
        var state = ConversationStateSerializer.Deserialize("""{"v":3,"plans":[{"id":"pl-1","title":"Plan"}]}""");
        Assert.Empty(state.Plans[0].Sections);
        Assert.Null(state.Plans[0].Section(PlanSectionIds.Purpose));
    }
}
