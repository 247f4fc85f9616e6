using System.ComponentModel.DataAnnotations;

namespace KitBot.Cards;

/// <summary>The <c>Cards</c> settings section.</summary>
public sealed class CardOptions
{
    public const string Section = "Cards";

    /// <summary>The folder holding the card templates; relative paths are relative to the application folder.</summary>
    [Required]
    public string Path { get; set; } = "cards";
}
