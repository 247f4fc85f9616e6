namespace KitBot.Dialogs.Reviews.Guided;

/// <summary>
/// The questions a life-stage review asks (PRACTICE.md: starting school, moving to secondary school at about 11,
/// mid-adolescence, approaching 18) and the change it suggests, worded as a suggestion.
/// </summary>
/// <param name="Name">The stage, as its review is labelled.</param>
/// <param name="Questions">What to think about at this stage.</param>
/// <param name="Section">The plan section the stage's suggestion adds to.</param>
/// <param name="Suggestion">The stage's suggested change.</param>
public sealed record LifeStagePrompt(string Name, IReadOnlyList<string> Questions, string Section, string Suggestion)
{
    /// <summary>
    /// The prompt for a life-stage review labelled <paramref name="name"/> (the default stages are recognised by their
    /// words; a stage an authority configured gets general questions); null for no stage.
    /// </summary>
    public static LifeStagePrompt? For(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        bool Has(string word) => name.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Has("secondary"))
        {
            return new(name,
            [
                "Does the child have a phone or social media now, and is there an agreement about it?",
                "Does the child understand what to do if a relative gets in touch online?",
                "Has the child's understanding of their story grown, and does the plan still answer their questions?",
            ], Plans.PlanSectionIds.Support, "As the child moves to secondary school, you may want to agree online safety with them and the adoptive parents, including what to do about unplanned contact, and offer life story work that fits their age.");
        }

        if (Has("school"))
        {
            return new(name,
            [
                "What will the school be told, and who tells them?",
                "Are photos and letters kept free of school logos and uniforms?",
                "How can the child talk about their birth family at school if they want to?",
            ], Plans.PlanSectionIds.KeepingInTouch, "As the child starts school, you may want to agree what the school is told, keep school logos and uniforms out of photos and letters, and help the child talk about their family if they wish.");
        }

        if (Has("adolescence"))
        {
            return new(name,
            [
                "Does the young person want more say in who they keep in touch with, and how?",
                "Are they looking for relatives online, or being contacted?",
                "Who can they talk to about identity and their birth family?",
            ], Plans.PlanSectionIds.KeepingInTouch, "In mid-adolescence, you may want to review the arrangements with the young person themselves, including any wish to search for relatives online, and agree who supports them.");
        }

        if (Has("18"))
        {
            return new(name,
            [
                "What happens to letterbox exchange when the young person turns 18?",
                "Do they know about access to their records and adoption support as adults?",
                "How do they want to keep in touch after 18, and with whom?",
            ], Plans.PlanSectionIds.Support, "As the young person approaches 18, you may want to plan with them how keeping in touch continues after letterbox ends, and tell them about access to their records and adoption support for adults.");
        }

        return new(name,
        [
            "What has changed for the child at this stage?",
            "Do the arrangements still fit the child's age and understanding?",
        ], Plans.PlanSectionIds.Review, $"At this stage ({name}), you may want to check that the arrangements still fit the child's age and understanding.");
    }
}
