using System.Text.RegularExpressions;

namespace KitBot.Dialogs.Tests.Roles;

/// <summary>
/// Steps of the adoption journey that cannot exist at some stages, as words to look for in role guidance. Worked out
/// from PRACTICE.md ("Who does what", "Law and timings"): there are no adopters in care proceedings (only prospective
/// ones, being matched, once the placement order is made); the adoption order is not made before the "adopted" stage
/// and not pending after it; the guardian reports only in the proceedings; the child permanence report is written for
/// the placement order and matching, not after placement or for a child back in care; s.26 exists only between the
/// placement order and the adoption order; s.51A only around and after the adoption order.
/// </summary>
internal static partial class RoleStageRules
{
    public const string CareProceedings = "care-proceedings";
    public const string PlacementOrder = "placement-order";
    public const string Placed = "placed";
    public const string Adopted = "adopted";
    public const string BackInCare = "back-in-care";
    public const string OtherPermanence = "other-permanence";

    /// <summary>A step that cannot exist at <see cref="NotAt"/>, and the words that refer to it.</summary>
    public sealed record Rule(string Step, Regex Words, IReadOnlyList<string> NotAt);

    public static IReadOnlyList<Rule> All { get; } =
    [
        new("this child's adopters (before matching)", AnyAdopters(), [CareProceedings, OtherPermanence]),
        new("adopters who are not yet placed with the child (only prospective ones while matching)", AdoptersNotProspective(), [PlacementOrder]),
        new("prospective adopters and matching (before the placement order, or once placed)", Matching(), [CareProceedings, Placed, Adopted, BackInCare, OtherPermanence]),
        new("the adoption order as made (before it is made)", OrderMade(), [CareProceedings, PlacementOrder, Placed, OtherPermanence]),
        new("the adoption order as still to come (after it is made)", OrderPending(), [Adopted, BackInCare, OtherPermanence]),
        new("an adoption order at all", Regex(@"\badoption order\b"), [CareProceedings, OtherPermanence]),
        new("the guardian's report (after the proceedings end)", Regex(@"\bguardian'?s report\b"), [PlacementOrder, Placed, Adopted, BackInCare, OtherPermanence]),
        new("the child permanence report (after matching, or for a child back in care)", Regex(@"\bchild permanence report\b|\bCPR\b"), [Placed, Adopted, BackInCare, OtherPermanence]),
        new("a farewell meeting (after placement)", Regex(@"\bfarewell\b"), [Placed, Adopted, BackInCare, OtherPermanence]),
        new("a s.26 order (outside placement)", Regex(@"\bs\.?\s?26\b|section 26\b"), [CareProceedings, Adopted, BackInCare, OtherPermanence]),
        new("a s.51A order (before placement)", Regex(@"\bs\.?\s?51A\b"), [CareProceedings, PlacementOrder, OtherPermanence]),
        new("the placement order as still to come (s.27(4))", Regex(@"\bs\.?\s?27\(4\)|before the placement order\b"), [PlacementOrder, Placed, Adopted, BackInCare, OtherPermanence]),
    ];

    /// <summary>The rules broken by <paramref name="text"/> at <paramref name="stage"/>. Quoted titles ('...') are not read.</summary>
    public static IEnumerable<Rule> Broken(string text, string stage)
    {
        var plain = Quoted().Replace(text, "");
        return All.Where(r => r.NotAt.Contains(stage) && r.Words.IsMatch(plain));
    }

    private static Regex Regex(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(?:adopters?|adoptive (?:parents?|family|families))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyAdopters();

    [GeneratedRegex(@"(?<!prospective )\b(?:adopters?|adoptive (?:parents?|family|families))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdoptersNotProspective();

    [GeneratedRegex(@"\bprospective adopt|\bmatching\b|\bmatched\b", RegexOptions.IgnoreCase)]
    private static partial Regex Matching();

    [GeneratedRegex(@"\b(?:after|since|once|now) the (?:adoption )?order\b|\bafter the order\b|\b(?:adoption )?order (?:was|has been) made\b|\bpost-adoption\b|\badoption support plan\b|\bno longer looked after\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderMade();

    [GeneratedRegex(@"\b(?:before|until|ahead of) the (?:adoption )?order\b|\badoption application\b|\bwhen the adoption order is\b|\balongside the adoption order\b|\bbefore the order is made\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderPending();

    [GeneratedRegex(@"(?<![A-Za-z])'.{3,}?'(?![A-Za-z])")]
    private static partial Regex Quoted();
}
