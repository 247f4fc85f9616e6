namespace KitBot.Dialogs.Reviews;

/// <summary>A statutory series: the first review after the start, the second after the first, then a repeating interval.</summary>
public sealed class StatutoryRule
{
    /// <summary>From the start date (placement or authority) to the first review.</summary>
    public string First { get; set; } = "P4W";

    /// <summary>From the first review to the second.</summary>
    public string Second { get; set; } = "P3M";

    /// <summary>Between later reviews.</summary>
    public string Then { get; set; } = "P6M";
}
