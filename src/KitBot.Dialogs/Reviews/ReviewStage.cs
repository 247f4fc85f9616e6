namespace KitBot.Dialogs.Reviews;

/// <summary>Where the child is in the adoption process, which decides the review rules that apply.</summary>
public enum ReviewStage
{
    /// <summary>Placed for adoption; the start date is the placement.</summary>
    PlacedForAdoption,

    /// <summary>Authorised to be placed but not yet placed; the start date is the authority.</summary>
    AuthorisedNotPlaced,

    /// <summary>The adoption order is made; the start date is the order.</summary>
    AfterAdoptionOrder,
}
