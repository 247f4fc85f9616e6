namespace KitBot.Dialogs.Privacy;

/// <summary>Kinds of personal detail the privacy check looks for in free text.</summary>
[Flags]
public enum PrivacyConcern
{
    /// <summary>Nothing found.</summary>
    None = 0,

    /// <summary>An email address.</summary>
    Email = 1,

    /// <summary>A UK phone number.</summary>
    Phone = 2,

    /// <summary>A UK postcode.</summary>
    Postcode = 4,

    /// <summary>A date (which could be a date of birth).</summary>
    Date = 8,

    /// <summary>A street address.</summary>
    Address = 16,

    /// <summary>Something that looks like a person's name. The only concern a practitioner may overrule.</summary>
    Name = 32,
}
