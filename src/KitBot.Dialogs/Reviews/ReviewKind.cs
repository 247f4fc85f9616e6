namespace KitBot.Dialogs.Reviews;

/// <summary>Why a review is due. Stored by name: never renumber or rename.</summary>
public enum ReviewKind
{
    /// <summary>A review the regulations require before the adoption order (reg 36).</summary>
    Statutory,

    /// <summary>The yearly review after the adoption order.</summary>
    Annual,

    /// <summary>A prompt at a point in the child's life when keeping in touch often needs a fresh look.</summary>
    LifeStage,

    /// <summary>A date the practitioner added.</summary>
    Custom,

    /// <summary>A look at how an event went (the first exchange or meeting after placement, the first sibling meeting), dated from the event.</summary>
    Event,
}
