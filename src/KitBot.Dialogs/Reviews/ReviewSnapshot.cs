namespace KitBot.Dialogs.Reviews;

/// <summary>What the core needs to know about a stored review to decide what an action does to it.</summary>
/// <param name="Id">The review's id.</param>
/// <param name="PlanId">The plan it belongs to.</param>
/// <param name="Stage">The stage its series was set up for.</param>
/// <param name="Kind">Why it is due.</param>
/// <param name="Sequence">Its place in its series (0 outside a series).</param>
/// <param name="Label">Its description.</param>
/// <param name="Due">Its due date in the practitioner's calendar.</param>
/// <param name="State">Where it is in its life.</param>
public sealed record ReviewSnapshot(
    string Id,
    string PlanId,
    ReviewStage Stage,
    ReviewKind Kind,
    int Sequence,
    string Label,
    DateOnly Due,
    ReviewState State)
{
    /// <summary>True once nothing more will happen to it.</summary>
    public bool IsClosed => State is ReviewState.Done or ReviewState.Cancelled;
}
