using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ServiceQuality.Normalization;

namespace ServiceQuality.Testing;

/// <summary>
/// Writes complaints the way clients do, knowing which facts it put in: plain words and facts (systems, error codes,
/// references, durations, people affected, dates, amounts), told calmly, and the same complaint with tone edits
/// (<see cref="ToneEdits"/>). Built from the host's <see cref="NormalizationOptions"/>, it names the host's systems and
/// uses the host's profanities, insults, intensifiers and interjections beside the built-in ones.
/// </summary>
public sealed class ComplaintTextGenerator
{
    private static readonly string[] PlainWords =
    [
        "down", "slow", "broken", "still", "failing", "today", "after", "update", "morning", "login", "the", "is", "and",
        "but", "working", "waiting", "response", "for", "called", "back", "screen", "crashed", "keeps", "dropping",
        "users", "nobody", "not", "never", "warned", "filled", "disk", "cable", "marked", "picked", "fleet", "cannot",
        "licence", "expire",
    ];

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal) { "not", "never", "nobody", "cannot" };
    private static readonly string[] Negatable = ["down", "slow", "broken", "failing", "working", "crashed", "dropping"];
    private static readonly string[] BuiltInSystems = ["VPN", "Outlook", "SharePoint", "SSO", "Teams"];
    private static readonly string[] ErrorCodes = ["ERR_CONN_RESET", "ERR_TIMED_OUT", "0x80070005", "0x8004010F", "HTTP 503", "HTTP 502"];
    private static readonly string[] BuiltInIntensifiers = ["extremely", "really", "totally", "absolutely", "very"];
    private static readonly string[] BuiltInProfanity = ["fucking", "damn", "bloody", "crap"];
    private static readonly string[] MaskedProfanity = ["f*cking", "sh!t", "$h1t", "f**king", "d@mn"];
    private static readonly string[] BuiltInInsults = ["useless", "idiots", "incompetent"];
    private static readonly string[] BuiltInInterjections = ["ugh", "omg", "argh", "sigh"];
    private static readonly string[] Emoji = ["\U0001F621", "\U0001F44D\U0001F3FD", "\U0001F644", "\U0001F468\u200D\U0001F4BB", "\u2757", ":("];
    private static readonly string[] Separators = ["  ", "\t", "\n", " \u200B ", "\u00A0", " \u202A"];
    private static readonly string[] Shouts = ["!!!", "?!", "\u203D", "!!", "???"];
    private static readonly string[] Sarcasm = ["Thanks for the great service.", "Great job, as always.", "Wow, brilliant support.", "Well done, really.", "What amazing service.", "Thanks for the 'help'.", "What a great job, as always.", "Absolutely ridiculous!", "This is unacceptable."];
    private static readonly string[] Threats = ["I'm switching providers.", "I will tell everyone I know.", "We are moving to a competitor.", "I will post this online.", "I'm switching banks and telling everyone I know."];
    private static readonly (char Latin, char LookAlike)[] Homoglyphs = [('a', '\u0430'), ('e', '\u0435'), ('o', '\u043E'), ('c', '\u0441'), ('p', '\u0440'), ('s', '\u0455')];

    private readonly string[] _systems;
    private readonly string[] _intensifiers;
    private readonly string[] _profanity;
    private readonly string[] _insults;
    private readonly string[] _interjections;
    private readonly ToneEdits[] _edits;

    /// <summary>Creates a generator of the built-in vocabulary and every tone edit.</summary>
    public ComplaintTextGenerator()
        : this(null, ToneEdits.All)
    {
    }

    /// <summary>Creates a generator.</summary>
    /// <param name="options">The host's normalization options: their systems are named in complaints, their tone words used in edits; <see langword="null"/> for the built-in vocabulary only.</param>
    /// <param name="edits">The kinds of tone edit to apply.</param>
    /// <exception cref="ArgumentException"><paramref name="edits"/> has flags that are not tone edits.</exception>
    public ComplaintTextGenerator(NormalizationOptions? options, ToneEdits edits = ToneEdits.All)
    {
        if ((edits & ~ToneEdits.All) != 0)
        {
            throw new ArgumentException($"{edits} has flags that are not tone edits; valid: a combination of {string.Join(", ", Enum.GetNames<ToneEdits>())}.", nameof(edits));
        }

        options?.Validate();
        _systems = [.. BuiltInSystems, .. options?.Systems ?? []];
        _intensifiers = [.. BuiltInIntensifiers, .. options?.Intensifiers ?? []];
        _profanity = [.. BuiltInProfanity, .. options?.Profanity ?? []];
        _insults = [.. BuiltInInsults, .. options?.Insults ?? []];
        _interjections = [.. BuiltInInterjections, .. options?.Interjections ?? []];
        _edits = [.. Enum.GetValues<ToneEdits>().Where(e => e != ToneEdits.None && (e & (e - 1)) == 0 && (edits & e) != 0)];
        EditKinds = edits;
    }

    /// <summary>Gets the kinds of tone edit this generator applies.</summary>
    public ToneEdits EditKinds { get; }

    /// <summary>Gets the generator of complaint parts: 1 to 6 phrases of plain words, most followed by a fact; facts are never adjacent.</summary>
    public Gen<ComplaintPart[]> Parts =>
        Gen.Sized(size => Gen.Choose(1, Math.Clamp(1 + (size / 15), 1, 6)))
            .SelectMany(phrases => Gen.CollectToArray(Enumerable.Range(0, phrases), _ => Phrase))
            .Select(phrases => phrases.SelectMany(p => p).ToArray());

    /// <summary>Gets the generator of complaints with tone edits (up to one edit a part, plus added sentences).</summary>
    public Gen<GeneratedComplaint> Complaints =>
        from parts in Parts
        from edits in EditsFor(parts.Length)
        select new GeneratedComplaint(this, parts, edits);

    /// <summary>Gets complaints as an arbitrary that shrinks to fewer parts and fewer edits, so a counterexample is minimal.</summary>
    public Arbitrary<GeneratedComplaint> Arbitrary => Arb.From(Complaints, Shrink);

    /// <summary>Gets the generator of fact changes: a complaint and the same complaint with one fact changed.</summary>
    public Gen<FactChange> FactChanges =>
        from parts in Parts
        from change in ChangeOf(parts)
        select change;

    /// <summary>Gets fact changes as an arbitrary that shrinks to fewer parts.</summary>
    public Arbitrary<FactChange> FactChangeArbitrary => Arb.From(FactChanges, ShrinkChange);

    /// <summary>Writes the complaint as a calm client would: the parts, separated by spaces, ending with a full stop.</summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The text.</returns>
    public string WriteCalm(IReadOnlyList<ComplaintPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return string.Join(' ', parts.Select(p => p.Text)) + ".";
    }

    /// <summary>Writes the complaint with the tone edits applied; an edit that cannot apply where it is placed (a shout before a capital, an intensifier after a negator) is left out.</summary>
    /// <param name="parts">The parts.</param>
    /// <param name="edits">The edits.</param>
    /// <returns>The text.</returns>
    public string WriteAngry(IReadOnlyList<ComplaintPart> parts, IReadOnlyList<ToneEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(edits);
        var at = new ToneEdit?[parts.Count];
        var sentences = new List<ToneEdit>();
        foreach (var edit in edits)
        {
            if (edit.Kind is ToneEdits.Sarcasm or ToneEdits.Threat)
            {
                sentences.Add(edit);
            }
            else if (edit.Position >= 0 && edit.Position < parts.Count && at[edit.Position] is null)
            {
                at[edit.Position] = edit;
            }
        }

        // A run of ! ? before a word not written in lower case ends a sentence ("down!!! Slow" is "down. slow"): shouts go
        // only before a plain word written in lower case, or at the end.
        bool LowerCaseAt(int i) => i >= parts.Count || (parts[i].IsPlain && at[i]?.Kind is not (ToneEdits.Shouting or ToneEdits.LookAlikes));
        var text = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var edit = at[i];
            var word = part.Text;
            if (i > 0)
            {
                text.Append(edit is { Kind: ToneEdits.Whitespace } w ? Pick(Separators, w.Variant) : " ");
            }

            switch (edit?.Kind)
            {
                case ToneEdits.Profanity: text.Append(Pick(_profanity, edit.Value.Variant)).Append(' '); break;
                case ToneEdits.MaskedProfanity: text.Append(Pick(MaskedProfanity, edit.Value.Variant)).Append(' '); break;
                case ToneEdits.Insult: text.Append(Pick(_insults, edit.Value.Variant)).Append(' '); break;
                case ToneEdits.Interjection: text.Append(Pick(_interjections, edit.Value.Variant)).Append(Pick(Shouts, edit.Value.Variant / 7)).Append(' '); break;
                case ToneEdits.Emoji: text.Append(Pick(Emoji, edit.Value.Variant)).Append(' '); break;
                case ToneEdits.Intensifier when part.IsPlain && (i == 0 || !Negators.Contains(parts[i - 1].Text)):
                    text.Append(Pick(_intensifiers, edit.Value.Variant)).Append(' ');
                    break;
                default: break;
            }

            if (part.IsPlain && edit is { } e)
            {
                word = e.Kind switch
                {
                    ToneEdits.Shouting => (e.Variant % 3) switch
                    {
                        0 => word.ToUpperInvariant(),
                        1 => char.ToUpperInvariant(word[0]) + word[1..],
                        _ => word.Length < 2 ? word : word[..1] + word[1..].ToUpperInvariant(),
                    },
                    ToneEdits.StretchedLetters => Stretch(word, e.Variant),
                    ToneEdits.LookAlikes => LookAlike(word, e.Variant),
                    ToneEdits.Invisible when word.Length > 2 => word[..1] + "\u200B" + word[1..],
                    ToneEdits.PunctuationRun when LowerCaseAt(i + 1) => word + Pick(Shouts, e.Variant),
                    _ => word,
                };
            }
            else if (edit is { Kind: ToneEdits.Invisible })
            {
                word = "\u202E" + word + "\u202C";
            }

            text.Append(word);
        }

        text.Append('.');
        foreach (var sentence in sentences)
        {
            text.Append(' ').Append(Pick(sentence.Kind == ToneEdits.Sarcasm ? Sarcasm : Threats, sentence.Variant));
        }

        return text.ToString();
    }

    private Gen<ComplaintPart[]> Phrase =>
        from words in Gen.Elements(PlainWords).Select(w => new ComplaintPart { Text = w }).ArrayOf().Where(a => a.Length is >= 1 and <= 4)
        from fact in Gen.Frequency((1, Gen.Constant<ComplaintPart?>(null)), (4, Fact.Select(f => (ComplaintPart?)f)))
        select fact is { } f ? [.. words, f] : words;

    private Gen<ComplaintPart> Fact => Gen.OneOf(
        Gen.Elements(_systems).Select(s => new ComplaintPart { Text = s, Fact = new ExpectedFact { Kind = FactKind.System, Value = s } }),
        Gen.Elements(ErrorCodes).Select(ErrorPart),
        Gen.Choose(1000, 9999).Select(n => ReferencePart(n)),
        Gen.Choose(1, 99).Select(DurationPart),
        Gen.Choose(2, 500).Select(PeoplePart),
        Gen.Choose(1, 28).Select(DatePart),
        Gen.Choose(1, 9999).Select(AmountPart));

    private static ComplaintPart ErrorPart(string code) => new() { Text = code, Fact = new ExpectedFact { Kind = FactKind.ErrorCode, Value = code } };

    private static ComplaintPart ReferencePart(int n) => new() { Text = I($"INC-{n}"), Fact = new ExpectedFact { Kind = FactKind.Reference, Value = I($"INC-{n}") } };

    private static ComplaintPart DurationPart(int hours) => new() { Text = I($"{hours} hours"), Fact = new ExpectedFact { Kind = FactKind.Duration, Value = I($"PT{hours}H") } };

    private static ComplaintPart PeoplePart(int users) => new() { Text = I($"{users} users"), Fact = new ExpectedFact { Kind = FactKind.PeopleAffected, Value = I($"{users}") } };

    private static ComplaintPart DatePart(int day) => new() { Text = I($"2024-03-{day:00}"), Fact = new ExpectedFact { Kind = FactKind.Date, Value = I($"2024-03-{day:00}") } };

    private static ComplaintPart AmountPart(int dollars) => new() { Text = I($"${dollars}.00"), Fact = new ExpectedFact { Kind = FactKind.Amount, Value = I($"USD {dollars}.00") } };

    private Gen<ToneEdit[]> EditsFor(int parts)
    {
        if (_edits.Length == 0)
        {
            return Gen.Constant(Array.Empty<ToneEdit>());
        }

        var edit = from kind in Gen.Elements(_edits)
                   from position in Gen.Choose(0, parts - 1)
                   from variant in Gen.Choose(0, 1000)
                   select new ToneEdit { Kind = kind, Position = position, Variant = variant };
        return edit.ArrayOf().Select(a => a.Take(parts + 2).ToArray());
    }

    private IEnumerable<GeneratedComplaint> Shrink(GeneratedComplaint complaint)
    {
        foreach (var edits in LawCheck.ShrinkList([.. complaint.Edits]))
        {
            yield return complaint.With(complaint.Parts, edits);
        }

        var parts = complaint.Parts;
        for (var i = 0; i < parts.Count && parts.Count > 1; i++)
        {
            // Drop part i and the edits on it; later edits move down one part.
            var kept = parts.Where((_, j) => j != i).ToArray();
            var edits = complaint.Edits.Where(e => e.Position != i || e.Kind is ToneEdits.Sarcasm or ToneEdits.Threat)
                .Select(e => e.Position > i ? e with { Position = e.Position - 1 } : e).ToArray();
            yield return complaint.With(kept, edits);
        }

        foreach (var edit in complaint.Edits.Where(e => e.Variant > 0))
        {
            yield return complaint.With(complaint.Parts, [.. complaint.Edits.Select(e => e == edit ? e with { Variant = 0 } : e)]);
        }
    }

    private Gen<FactChange> ChangeOf(ComplaintPart[] parts)
    {
        var options = new List<Gen<FactChange>>();
        for (var i = 0; i < parts.Length; i++)
        {
            var index = i;
            var fact = parts[i].Fact;
            switch (fact?.Kind)
            {
                case FactKind.System:
                    var others = _systems.Where(s => parts.All(p => p.Text != s)).ToArray();
                    if (others.Length > 0)
                    {
                        options.Add(Gen.Elements(others).Select(s => Changed(parts, index, new ComplaintPart { Text = s, Fact = new ExpectedFact { Kind = FactKind.System, Value = s } }, FactChangeKind.System)));
                    }

                    break;
                case FactKind.ErrorCode:
                    var codes = ErrorCodes.Where(c => parts.All(p => p.Text != c)).ToArray();
                    if (codes.Length > 0)
                    {
                        options.Add(Gen.Elements(codes).Select(c => Changed(parts, index, ErrorPart(c), FactChangeKind.ErrorCode)));
                    }

                    break;
                case FactKind.Reference:
                    options.Add(Gen.Choose(1000, 9999).Where(n => parts.All(p => p.Text != I($"INC-{n}")))
                        .Select(n => Changed(parts, index, ReferencePart(n), FactChangeKind.Reference)));
                    break;
                case FactKind.Duration:
                    options.Add(Gen.Choose(1, 99).Where(n => n != Number(parts[index])).Select(n => Changed(parts, index, DurationPart(n), FactChangeKind.Number)));
                    break;
                case FactKind.PeopleAffected:
                    options.Add(Gen.Choose(2, 500).Where(n => n != Number(parts[index])).Select(n => Changed(parts, index, PeoplePart(n), FactChangeKind.Number)));
                    break;
                case FactKind.Date:
                    options.Add(Gen.Choose(1, 28).Where(n => n != Number(parts[index])).Select(n => Changed(parts, index, DatePart(n), FactChangeKind.Number)));
                    break;
                case FactKind.Amount:
                    options.Add(Gen.Choose(1, 9999).Where(n => n != Number(parts[index])).Select(n => Changed(parts, index, AmountPart(n), FactChangeKind.Number)));
                    break;
                case null when Negatable.Contains(parts[i].Text) && (i == 0 || !Negators.Contains(parts[i - 1].Text)):
                    options.Add(Gen.Constant(Negated(parts, index)));
                    break;
                default:
                    break;
            }
        }

        if (options.Count == 0)
        {
            // Nothing to change: add a duration and change it.
            ComplaintPart[] withFact = [.. parts, new ComplaintPart { Text = "for" }, DurationPart(3)];
            return Gen.Constant(Changed(withFact, withFact.Length - 1, DurationPart(4), FactChangeKind.Number));
        }

        return Gen.OneOf(options);
    }

    private FactChange Changed(ComplaintPart[] parts, int index, ComplaintPart replacement, FactChangeKind kind)
    {
        var changed = (ComplaintPart[])parts.Clone();
        changed[index] = replacement;
        return new FactChange { Original = new GeneratedComplaint(this, parts, []), Changed = new GeneratedComplaint(this, changed, []), Kind = kind, Position = index };
    }

    private FactChange Negated(ComplaintPart[] parts, int index)
    {
        ComplaintPart[] changed = [.. parts[..index], new ComplaintPart { Text = "not" }, .. parts[index..]];
        return new FactChange { Original = new GeneratedComplaint(this, parts, []), Changed = new GeneratedComplaint(this, changed, []), Kind = FactChangeKind.Negation, Position = index };
    }

    private IEnumerable<FactChange> ShrinkChange(FactChange change)
    {
        // Drop any part but the changed one (and the word before a negation, which may matter).
        var parts = change.Original.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i == change.Position || parts.Count == 1)
            {
                continue;
            }

            var position = i < change.Position ? change.Position - 1 : change.Position;
            var original = parts.Where((_, j) => j != i).ToArray();
            var changedParts = change.Changed.Parts.Where((_, j) => j != (change.Kind == FactChangeKind.Negation && i > change.Position ? i + 1 : i)).ToArray();
            yield return new FactChange { Original = change.Original.With(original, []), Changed = change.Changed.With(changedParts, []), Kind = change.Kind, Position = position };
        }
    }

    private static int Number(ComplaintPart part) => part.Fact?.Kind switch
    {
        FactKind.Date => int.Parse(part.Text.AsSpan()[^2..], CultureInfo.InvariantCulture),
        FactKind.Amount => int.Parse(part.Text.AsSpan()[1..part.Text.IndexOf('.', StringComparison.Ordinal)], CultureInfo.InvariantCulture),
        _ => int.Parse(part.Text.AsSpan()[..part.Text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture),
    };

    private static string Pick(string[] options, int variant) => options[variant % options.Length];

    private static string Stretch(string word, int variant)
    {
        var at = variant % word.Length;
        if ((at > 0 && word[at - 1] == word[at]) || (at + 1 < word.Length && word[at + 1] == word[at]) || !char.IsAsciiLetter(word[at]))
        {
            return word;
        }

        return word[..at] + new string(word[at], 3 + (variant % 4)) + word[(at + 1)..];
    }

    private static string LookAlike(string word, int variant)
    {
        switch (variant % 3)
        {
            case 0: return string.Concat(word.Select(c => char.IsAsciiLetterLower(c) ? (char)(c - 'a' + 0xFF41) : c));
            case 1: return string.Concat(word.Select(c => char.IsAsciiLetterLower(c) ? char.ConvertFromUtf32(0x1D41A + (c - 'a')) : c.ToString()));
            default:
                var chars = word.ToCharArray();
                for (var i = 0; i < chars.Length; i++)
                {
                    foreach (var (latin, lookAlike) in Homoglyphs)
                    {
                        if (chars[i] == latin)
                        {
                            chars[i] = lookAlike;
                            return new string(chars);
                        }
                    }
                }

                return word;
        }
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
