namespace KitBot.Dialogs.Plans;

/// <summary>What changed in one section between a version and the one before it.</summary>
/// <param name="Id">The section's id (see <see cref="PlanSectionIds"/>).</param>
/// <param name="Added">Sentences the later version has that the earlier did not, in the later version's order.</param>
/// <param name="Removed">Sentences the earlier version had that the later does not, in the earlier version's order.</param>
public sealed record PlanSectionChange(string Id, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
