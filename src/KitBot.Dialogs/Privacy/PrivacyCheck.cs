using System.Text.RegularExpressions;

namespace KitBot.Dialogs.Privacy;

/// <summary>
/// Looks for personal details in free text (labels and notes) before anything is stored: email addresses, UK phone
/// numbers and postcodes, dates, street addresses and name-like words. Heuristics tuned for few false alarms on
/// ordinary practice notes: a name is only suspected after "called", "named", "known as" or a title (Mr, Mrs...),
/// after a family word ("Auntie Sue"), or as two capitalised words mid-sentence that are not everyday vocabulary.
/// </summary>
public static partial class PrivacyCheck
{
    // Words that are capitalised in practice notes without being names: relationships, roles, services, faiths,
    // places people come from, months and days, platforms.
    private static readonly HashSet<string> Vocabulary = new(StringComparer.OrdinalIgnoreCase)
    {
        "birth", "mother", "father", "mum", "mam", "mom", "dad", "parent", "parents", "sister", "brother", "sibling", "siblings",
        "half", "step", "older", "younger", "oldest", "youngest", "twin", "twins", "baby", "child", "children", "son", "daughter",
        "grandmother", "grandfather", "grandma", "grandad", "granddad", "grandparent", "grandparents", "nan", "nana", "nanna", "gran", "granny", "grandpa",
        "aunt", "auntie", "aunty", "uncle", "cousin", "cousins", "maternal", "paternal", "family", "relative", "relatives",
        "foster", "carer", "carers", "former", "adoptive", "adopter", "adopters", "kinship", "special", "guardian", "guardians",
        "social", "worker", "workers", "team", "manager", "panel", "court", "judge", "iro", "cafcass", "la", "local", "authority",
        "agency", "service", "services", "support", "school", "nursery", "primary", "secondary", "college", "camhs", "nhs", "gp",
        "letterbox", "kit", "kitbot", "plan", "review", "life", "story", "later", "letter", "adoption", "order", "placement",
        "christmas", "easter", "eid", "diwali", "hanukkah", "ramadan", "sunday", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "english", "british", "scottish", "welsh", "irish", "polish", "romanian", "roma", "traveller",
        "gypsy", "black", "white", "asian", "caribbean", "african", "mixed", "heritage", "muslim", "christian", "catholic",
        "jewish", "hindu", "sikh", "buddhist", "church", "mosque", "temple", "england", "wales", "scotland", "ireland", "uk",
        "facebook", "instagram", "tiktok", "snapchat", "whatsapp", "youtube", "messenger", "zoom", "teams", "x", "twitter",
        "the", "a", "an", "and", "or", "not", "no", "yes", "he", "she", "they", "we", "i", "his", "her", "their", "our", "my",
        "person", "people", "other", "another", "important", "adult", "adults", "young", "teen", "teenager",
        "learning", "disability", "disabilities", "mental", "health", "substance", "misuse", "domestic", "abuse", "down",
        "syndrome", "autism", "autistic", "adhd", "asd", "fasd", "swap", "contact", "keeping", "touch", "meeting", "meetings",
    };

    private static readonly HashSet<string> FamilyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "mum", "mam", "dad", "nan", "nana", "nanna", "gran", "granny", "grandma", "grandpa", "grandad", "granddad",
        "auntie", "aunty", "aunt", "uncle", "cousin", "sister", "brother",
    };

    /// <summary>What kinds of personal detail <paramref name="text"/> seems to hold.</summary>
    public static PrivacyConcern Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PrivacyConcern.None;
        }

        var found = PrivacyConcern.None;
        if (Email().IsMatch(text))
        {
            found |= PrivacyConcern.Email;
        }

        if (Phone().IsMatch(text))
        {
            found |= PrivacyConcern.Phone;
        }

        if (Postcode().IsMatch(text))
        {
            found |= PrivacyConcern.Postcode;
        }

        if (NumericDate().IsMatch(text) || WordDate().IsMatch(text) || DateOfBirth().IsMatch(text))
        {
            found |= PrivacyConcern.Date;
        }

        if (Address().IsMatch(text))
        {
            found |= PrivacyConcern.Address;
        }

        if (LooksLikeName(text))
        {
            found |= PrivacyConcern.Name;
        }

        return found;
    }

    private static bool LooksLikeName(string text)
    {
        if (Introduced().Matches(text).Any(m => !Vocabulary.Contains(m.Groups["name"].Value)))
        {
            return true;
        }

        // Walk the words, remembering whether each starts a sentence, to find "Auntie Sue" and "... met Sarah Jones".
        var words = Word().Matches(text).ToList();
        for (var i = 0; i < words.Count - 1; i++)
        {
            var first = words[i];
            var second = words[i + 1];
            var adjacent = text[(first.Index + first.Length)..second.Index].Trim().Length == 0;
            if (!adjacent || !IsCapitalised(second.Value) || Vocabulary.Contains(second.Value) || IsAcronym(second.Value))
            {
                continue;
            }

            if (FamilyWords.Contains(first.Value))
            {
                return true;
            }

            if (IsCapitalised(first.Value) && !Vocabulary.Contains(first.Value) && !IsAcronym(first.Value) && !StartsSentence(text, first.Index))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCapitalised(string word) => word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower);

    private static bool IsAcronym(string word) => word.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static bool StartsSentence(string text, int index)
    {
        var before = text[..index].TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or ';' or '(' or '"' or '\'' or '-' or '\n';
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // UK numbers: 07700 900123, 0161 496 0000, 020 7946 0000, +44 7700 900123, (0161) 4960000.
    [GeneratedRegex(@"(?<![\d])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}(?![\d])")]
    private static partial Regex Phone();

    // The inward part may not be an ordinal ("KS2 3rd" is not a postcode).
    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9](?!(?:st|nd|rd|th)\b)[ABD-HJLNP-UW-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b")]
    private static partial Regex NumericDate();

    // Month names are matched case-sensitively for "May", so "the 2 may meet" is not a date.
    [GeneratedRegex(
        @"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|May|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\b(?:,?\s+\d{2,4})?|\b(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|May|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")]
    private static partial Regex WordDate();

    [GeneratedRegex(@"\b(?:d\.?o\.?b\.?|date of birth|born on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateOfBirth();

    // Capitalised street names only: "5 minutes up the road" is an everyday phrase, "12 High Street" an address.
    [GeneratedRegex(
        @"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Way|Court|Crescent|Place|Gardens|Terrace|Grove|Hill|Row|Square|Walk|Mews|Parade|Green|Rise|View)\b|\bFlat\s+\d+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(?:[Cc]alled|[Nn]amed|[Kk]nown as|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?)\s+(?<name>[A-Z][a-z'\-]+)")]
    private static partial Regex Introduced();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'\-]*")]
    private static partial Regex Word();
}
