namespace KitBot.Dialogs.Plans;

/// <summary>Whom support in the plan is for (plan.json <c>supportGroups</c>).</summary>
internal static class SupportGroupIds
{
    public const string Child = "child";
    public const string Adopters = "adopters";
    public const string Relatives = "relatives";
    public const string Others = "others";

    public static IReadOnlyList<string> All { get; } = [Child, Adopters, Relatives, Others];
}
