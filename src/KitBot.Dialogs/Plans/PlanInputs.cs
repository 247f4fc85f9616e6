using System.Globalization;

namespace KitBot.Dialogs.Plans;

/// <summary>The keys of the plan cards' action data and inputs: the keys of <see cref="Turns.CardAction.Values"/>.</summary>
internal static class PlanInputs
{
    public const string Plan = "plan";
    public const string Section = "section";
    public const string Part = "part";
    public const string Revision = "rev";
    public const string Format = "format";
    public const string Version = "version";
    public const string PrivacyKeep = "privacyKeep";

    /// <summary>The text box of one part of a section (unique on a card).</summary>
    public static string Text(string section, int part) => string.Create(CultureInfo.InvariantCulture, $"text.{section}.{part}");
}
