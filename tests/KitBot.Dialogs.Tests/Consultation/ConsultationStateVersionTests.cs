using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>State written before statuses and the provisional plan step still reads, and carries on, as it was.</summary>
public sealed class ConsultationStateVersionTests
{
    [Fact]
    public void Version3State_AtTheSummary_ReadsWithPeopleInTouch_AndGoesOnToThePlanStep()
    {
        const string V3 = """
            {"v":3,"consultation":{"id":"c-old","started":"2025-03-03T09:00:00+00:00","step":"summary",
             "child":{"age":"5-10","journey":"adopted","wishes":"said"},
             "people":[{"id":"p1","rel":"grandparent","label":"Maternal grandmother","answers":{"child-positive":{"a":"yes"},"person-risk":{"a":"no"}}}],
             "adopters":{},"adults":{}},"dialog":{"name":"consultation","id":"c-old","step":"summary","seq":5}}
            """;
        var state = ConversationStateSerializer.Deserialize(V3);
        var person = Assert.Single(state.Consultation!.People);
        Assert.Equal(ImportantPerson.DefaultStatus, person.StatusOrDefault);
        Assert.Empty(state.Consultation.Arrangements);
        Assert.Null(state.Consultation.Review);
        Assert.Equal(ConversationState.CurrentSchemaVersion, state.SchemaVersion);

        // The new fields go through the real serializer and back.
        var agreed = state with
        {
            Consultation = state.Consultation with
            {
                People = [person with { Status = "abroad" }],
                Arrangements = [new PersonArrangement { PersonId = "p1", Forms = ["letterbox"], Frequency = "twice a year" }],
                Review = new ReviewChoice { When = "yearly" },
                Child = state.Consultation.Child! with { PlanName = "Case 12" },
            },
        };
        var back = ConversationStateSerializer.Deserialize(ConversationStateSerializer.Serialize(agreed));
        Assert.Equal("abroad", back.Consultation!.People[0].Status);
        Assert.Equal("twice a year", back.Consultation.Arrangements[0].Frequency);
        Assert.Equal(["letterbox"], back.Consultation.Arrangements[0].Forms);
        Assert.Equal("yearly", back.Consultation.Review!.When);
        Assert.Equal("Case 12", back.Consultation.Child!.PlanName);
    }
}
