using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Consultation;

namespace KitBot.Dialogs.Tests.Engine;

/// <summary>Persisted state through the real serializer: lossless, stable names, versioned.</summary>
public sealed class ConversationStateSerializerTests
{
    [Fact]
    public void AFullConsultation_RoundTripsLosslessly()
    {
        var json = ConsultationCaseTests.CaseC().StateJson;
        var again = ConversationStateSerializer.Serialize(ConversationStateSerializer.Deserialize(json));
        Assert.Equal(json, again);

        var state = ConversationStateSerializer.Deserialize(json);
        var c = state.Consultation!;
        Assert.Equal(ConsultationStep.Summary, c.Step);
        Assert.Equal("14-15", c.Child!.AgeBand);
        Assert.Equal(["culture"], c.Child.IdentityNeeds);
        Assert.Equal(["adoptive-parents", "birth-mother"], c.People.Select(p => p.Relationship));
        var seeking = c.People[1].Answers["child-seeking"];
        Assert.Equal(FactorAnswerValue.Yes, seeking.Answer);
        Assert.Equal("Has been looking for her on social media", seeking.Note);
        Assert.Equal(FactorAnswerValue.Unsure, c.People[1].Answers["person-risk"].Answer);
        Assert.Equal(FactorAnswerValue.No, c.Adults["adults-low-conflict"].Answer);
        Assert.Equal(FactorAnswerValue.Yes, c.Adopters["adopters-distance"].Answer);
        Assert.Equal("consultation", state.Dialog!.Name);
        Assert.Equal(c.Id, state.Dialog.Id);
    }

    [Fact]
    public void RoleGuidance_RoundTrips()
    {
        var state = new ConversationState
        {
            Dialog = new ActiveDialog("roles", "r-1", "guidance"),
            Roles = new RoleGuidanceState { Step = RoleGuidanceStep.Guidance, Role = "iro", Stage = "placed" },
        };
        var back = ConversationStateSerializer.Deserialize(ConversationStateSerializer.Serialize(state));
        Assert.Equal(state.Roles, back.Roles);
        Assert.Equal(state.Dialog, back.Dialog);
    }

    [Fact]
    public void WireNames_AreStable()
    {
        var json = ConsultationCaseTests.CaseA().StateJson;
        foreach (var name in new[]
        {
            "\"v\":5", "\"consultation\":{", "\"id\":\"c-", "\"step\":\"summary\"", "\"child\":{", "\"age\":\"2-4\"",
            "\"journey\":\"placed\"", "\"wishes\":\"shown\"", "\"identity\":[\"heritage\"]", "\"people\":[", "\"rel\":\"birth-mother\"",
            "\"label\":\"Birth mother\"", "\"answers\":{", "\"person-literacy\":{\"a\":\"yes\",\"note\":", "\"adopters\":{", "\"adults\":{",
            "\"dialog\":{\"name\":\"consultation\"",
        })
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version1State_ReadsWithNothingInProgress()
    {
        var state = ConversationStateSerializer.Deserialize("""{"v":1,"greeted":true,"turns":3,"seq":4}""");
        Assert.Equal(ConversationState.CurrentSchemaVersion, state.SchemaVersion);
        Assert.True(state.Greeted);
        Assert.Null(state.Consultation);
        Assert.Null(state.Roles);
    }

    [Fact]
    public void MissingLists_ReadAsEmpty()
    {
        var state = ConversationStateSerializer.Deserialize("""{"v":2,"consultation":{"id":"c-1","step":"people","child":{"age":"2-4"},"people":[{"id":"p1","rel":"birth-mother"}]}}""");
        var c = state.Consultation!;
        Assert.Empty(c.Adopters);
        Assert.Empty(c.Adults);
        Assert.Empty(c.Child!.IdentityNeeds);
        Assert.Empty(c.People[0].Answers);
        Assert.True(c.InProgress);
    }

    [Fact]
    public void NewerSchema_IsRefused() =>
        Assert.Throws<NotSupportedException>(() => ConversationStateSerializer.Deserialize("""{"v":99}"""));
}
