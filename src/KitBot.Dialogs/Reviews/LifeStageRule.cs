namespace KitBot.Dialogs.Reviews;

/// <summary>A life-stage prompt after the adoption order: at an age (needs the child's age) or a period after the order.</summary>
public sealed class LifeStageRule
{
    /// <summary>What the prompt is about (shown to the practitioner).</summary>
    public string Name { get; set; } = "";

    /// <summary>The child's age in years at the prompt, if it is tied to age.</summary>
    public int? AtAge { get; set; }

    /// <summary>A period after the order (ISO 8601), if it is tied to the order date.</summary>
    public string? After { get; set; }
}
