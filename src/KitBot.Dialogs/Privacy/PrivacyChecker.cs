using System.Text.RegularExpressions;
using KitBot.Dialogs.Content.Model;

namespace KitBot.Dialogs.Privacy;

/// <summary>
/// Looks for personal details in free text (labels and notes) before anything is stored: email addresses, UK phone
/// numbers and postcodes, dates of birth, street addresses and names, and says which words set it off.
/// <list type="bullet">
/// <item>Names: a given name from privacy.json on its own, in any case ("Jayden asks about his brother", "liam");
/// a name after "called", "named", "known as" or a title (Mr, Mrs...); after a family word ("Auntie Sue"); or two
/// capitalised words mid-sentence that are not everyday vocabulary. Names that are also words ("Will", "May",
/// "Hope", "Mark") count only when capitalised mid-sentence, or at the start of a sentence before a verb ("Will asks");
/// months never count as a bare name. Titles of books, films and characters ("Peppa Pig", "Frozen") are skipped.</item>
/// <item>Dates: any date after "born", "date of birth", "DOB" or "birthday", including "born March 2019"; other
/// dates too, except an appointment ("review booked for 12/01/2027", "next meeting on 3 March").</item>
/// </list>
/// </summary>
public sealed partial class PrivacyChecker
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

    // Words after which a capitalised word is someone's name: "Auntie Sue", "stepdad Gareth", "carer Angela".
    private static readonly HashSet<string> FamilyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "mum", "mam", "dad", "nan", "nana", "nanna", "gran", "granny", "grandma", "grandpa", "grandad", "granddad",
        "auntie", "aunty", "aunt", "uncle", "cousin", "sister", "brother", "mother", "father", "grandmother", "grandfather",
        "stepdad", "stepmum", "step-dad", "step-mum", "stepfather", "stepmother", "stepbrother", "stepsister", "half-brother",
        "half-sister", "great-aunt", "great-uncle", "great-grandmother", "great-grandfather", "great-nan", "great-gran",
        "niece", "nephew", "godmother", "godfather", "partner", "boyfriend", "girlfriend", "husband", "wife", "friend",
        "carer", "carers", "worker", "sibling", "twin", "son", "daughter", "baby", "boy", "girl", "child", "youngest", "eldest",
    };

    // A word after one of these, within the same sentence, makes a date an appointment rather than a birth date.
    private static readonly HashSet<string> AppointmentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "booked", "book", "review", "reviewed", "reviews", "meeting", "meet", "appointment", "scheduled", "planned", "plan",
        "hearing", "panel", "due", "next", "visit", "session", "exchange", "call", "court", "until", "from", "by", "deadline",
        "start", "starts", "starting", "letterbox", "arranged", "arrange", "agreed", "set", "held", "happen", "happens",
        "placement", "placed", "order", "made", "granted", "application", "expires", "ends", "sent", "send", "term",
        "holiday", "holidays", "consultation", "conference", "contact", "family", "time", "leave",
    };

    // Verbs (and their usual endings) that show a capitalised word at the start of a sentence is someone doing something.
    private static readonly HashSet<string> VerbsAfterName = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "has", "had", "said", "told", "went", "came", "met", "saw", "wrote", "felt", "sent", "can",
        "could", "would", "will", "did", "does", "got", "gets", "cried", "loved", "lives", "likes",
    };

    private static readonly HashSet<string> NotVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "these", "those", "always", "perhaps", "unless", "towards", "afterwards", "sometimes", "his", "hers", "theirs",
        "ours", "yours", "its", "us", "yes", "as", "plus", "thus", "less", "series", "news", "needed", "need",
    };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    private readonly HashSet<string> _names;
    private readonly HashSet<string> _wordNames;
    private readonly HashSet<string> _notNames;
    private readonly Regex? _titles;

    internal PrivacyChecker(PrivacyFile words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _names = new(words.GivenNames.Concat(words.LocalGivenNames), StringComparer.OrdinalIgnoreCase);
        _wordNames = new(words.WordNames, StringComparer.OrdinalIgnoreCase);
        _notNames = new(words.NotNames, StringComparer.OrdinalIgnoreCase);
        _names.ExceptWith(Vocabulary);
        _names.ExceptWith(_notNames);
        var titles = words.Titles.Where(t => !string.IsNullOrWhiteSpace(t)).OrderByDescending(t => t.Length).Select(t => Regex.Escape(t.Trim()));
        _titles = titles.Any()
            ? new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join("|", titles) + @")(?:'s)?(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            : null;
    }

    /// <summary>What kinds of personal detail <paramref name="text"/> seems to hold.</summary>
    public PrivacyConcern Check(string? text) => Find(text).Aggregate(PrivacyConcern.None, (all, f) => all | f.Kind);

    /// <summary>Each personal detail <paramref name="text"/> seems to hold, with the words that set the check off, in order.</summary>
    public IReadOnlyList<PrivacyFinding> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<(int Index, PrivacyFinding Finding)>();
        void Add(PrivacyConcern kind, int index, string words)
        {
            if (!found.Any(f => f.Finding.Kind == kind && f.Index == index))
            {
                found.Add((index, new PrivacyFinding(kind, words.Trim())));
            }
        }

        // Titles and contact details are blanked (keeping positions) before names are looked for, so "Peppa Pig" is no
        // one and the "jo" in jo.bloggs@example.org is reported once, as an email.
        var masked = _titles is null ? text : _titles.Replace(text, m => new string(' ', m.Length));
        foreach (Match m in Email().Matches(masked))
        {
            Add(PrivacyConcern.Email, m.Index, m.Value);
        }

        masked = Email().Replace(masked, m => new string(' ', m.Length));
        foreach (Match m in Phone().Matches(masked))
        {
            Add(PrivacyConcern.Phone, m.Index, m.Value);
        }

        foreach (Match m in Postcode().Matches(masked))
        {
            Add(PrivacyConcern.Postcode, m.Index, m.Value);
        }

        foreach (Match m in Address().Matches(masked))
        {
            Add(PrivacyConcern.Address, m.Index, m.Value);
        }

        FindDates(masked, Add);
        FindNames(masked, Add);
        return found.OrderBy(f => f.Index).Select(f => f.Finding).DistinctBy(f => (f.Kind, f.Text.ToLowerInvariant())).ToList();
    }

    private static void FindDates(string text, Action<PrivacyConcern, int, string> add)
    {
        foreach (Match m in BornMonthYear().Matches(text))
        {
            add(PrivacyConcern.Date, m.Index, m.Value);
        }

        foreach (Match m in DateOfBirth().Matches(text))
        {
            add(PrivacyConcern.Date, m.Index, m.Value);
        }

        foreach (var m in NumericDate().Matches(text).Concat(WordDate().Matches(text)))
        {
            if (!IsAppointment(text, m.Index))
            {
                add(PrivacyConcern.Date, m.Index, m.Value);
            }
        }
    }

    // The words before a date in its own sentence: an appointment word there (and no word about birth) means a date
    // the practitioner needs to write down, not a date of birth.
    private static bool IsAppointment(string text, int index)
    {
        var start = Math.Max(text.LastIndexOfAny(['.', '!', '?', ';', '\n'], Math.Max(index - 1, 0)) + 1, index - 60);
        var before = text[Math.Max(start, 0)..index];
        var words = Word().Matches(before).Select(w => w.Value).ToList();
        return !BirthWords().IsMatch(before) && words.Any(AppointmentWords.Contains);
    }

    private void FindNames(string text, Action<PrivacyConcern, int, string> add)
    {
        foreach (Match m in Introduced().Matches(text))
        {
            if (!Vocabulary.Contains(m.Groups["name"].Value) && !_notNames.Contains(m.Groups["name"].Value))
            {
                add(PrivacyConcern.Name, m.Index, m.Value);
            }
        }

        // "The boy, Theo, keeps...": one capitalised word set off by commas in mid-sentence is someone being named.
        foreach (Match m in Apposition().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (!Vocabulary.Contains(name) && !_notNames.Contains(name) && !Months.Contains(name) && !IsAcronym(name))
            {
                add(PrivacyConcern.Name, m.Groups["name"].Index, name);
            }
        }

        var words = Word().Matches(text).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var next = i + 1 < words.Count && Adjacent(text, word, words[i + 1]) ? words[i + 1] : null;
            if (IsBareName(text, word, next))
            {
                add(PrivacyConcern.Name, word.Index, word.Value);
            }

            // "Auntie Sue", "... met Sarah Jones": a capitalised word that is not vocabulary, after a family word or another such word.
            if (next is null || !IsCapitalised(next.Value) || Vocabulary.Contains(next.Value) || IsAcronym(next.Value) || _notNames.Contains(next.Value))
            {
                continue;
            }

            if (FamilyWords.Contains(word.Value))
            {
                add(PrivacyConcern.Name, word.Index, word.Value + " " + next.Value);
            }
            else if (IsCapitalised(word.Value) && !Vocabulary.Contains(word.Value) && !IsAcronym(word.Value) && !_notNames.Contains(word.Value)
                && !StartsSentence(text, word.Index))
            {
                add(PrivacyConcern.Name, word.Index, word.Value + " " + next.Value);
            }
        }
    }

    private bool IsBareName(string text, Match word, Match? next)
    {
        // "Zara's mum": the name without its possessive.
        var value = word.Value.EndsWith("'s", StringComparison.OrdinalIgnoreCase) ? word.Value[..^2] : word.Value.TrimEnd('\'');
        // "Mia-Rose", "Kayla-Marie": a double-barrelled name whose first part is a name.
        if (value.Contains('-', StringComparison.Ordinal) && !_names.Contains(value))
        {
            var first = value[..value.IndexOf('-', StringComparison.Ordinal)];
            return IsCapitalised(first) && _names.Contains(first) && !_wordNames.Contains(first) && value.Split('-').All(p => p.Length > 1 && char.IsUpper(p[0]));
        }

        if (!_names.Contains(value) && !(Months.Contains(value) && _wordNames.Contains(value)))
        {
            return false;
        }

        if (!_wordNames.Contains(value) && !Months.Contains(value))
        {
            return true;
        }

        // A name that is also a word: only "Will" (not "will"), mid-sentence, or starting a sentence before a verb.
        if (!IsCapitalised(value))
        {
            return false;
        }

        var startsSentence = StartsSentence(text, word.Index);
        if (!startsSentence && !Months.Contains(value))
        {
            return true;
        }

        return startsSentence && next is not null && IsVerb(next.Value);
    }

    private static bool IsVerb(string word) =>
        word.Length > 1 && char.IsLower(word[0]) && !NotVerbs.Contains(word)
        && (VerbsAfterName.Contains(word) || (word.Length >= 4 && (word.EndsWith('s') || word.EndsWith("ed", StringComparison.Ordinal)) && !word.EndsWith("ss", StringComparison.Ordinal)));

    private static bool Adjacent(string text, Match first, Match second) =>
        text[(first.Index + first.Length)..second.Index].Trim().Length == 0;

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

    [GeneratedRegex(@"\b(?:d\.o\.b\.?|dob|date of birth|born on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateOfBirth();

    // "born March 2019", "born in May 2019", "born 3rd of June 2019", "born late 2019"? (no: a year alone is kept), "born 03/2019".
    [GeneratedRegex(
        @"\bborn\s+(?:on\s+|in\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s\-]+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?,?(?:\s+(?:\d{4}|'\d{2}))?|\bborn\s+(?:on\s+|in\s+)?\d{1,2}[/.\-](?:\d{4}|\d{2})\b|\bborn\s+(?:in\s+)?(?:the\s+)?(?:spring|summer|autumn|winter|early|late)\s+(?:of\s+)?\d{4}\b|\bborn\b[^.;!?\n]{1,40}?\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+\d{4}\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex BornMonthYear();

    [GeneratedRegex(@"\b(?:born|birth(?:day|date)?|d\.?o\.?b|aged?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BirthWords();

    // Capitalised street names only: "5 minutes up the road" is an everyday phrase, "12 High Street" an address.
    [GeneratedRegex(
        @"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Way|Court|Crescent|Place|Gardens|Terrace|Grove|Hill|Row|Square|Walk|Mews|Parade|Green|Rise|View)\b|\bFlat\s+\d+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(?:[Cc]alled|[Nn]amed|[Kk]nown as|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?)\s+(?<name>[A-Z][a-z'\-]+)")]
    private static partial Regex Introduced();

    [GeneratedRegex(@"(?<=[a-z]),\s+(?<name>[A-Z][a-z'\-]+),\s+(?=[a-z])")]
    private static partial Regex Apposition();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'\-]*")]
    private static partial Regex Word();
}
