namespace ServiceQuality.Normalization;

/// <summary>The kinds of fact the normalizer extracts.</summary>
public enum FactKind
{
    /// <summary>A system or product named: from the lexicon, an acronym, a product name (<c>SharePoint</c>) or a host name.</summary>
    System,

    /// <summary>An error code: hexadecimal (<c>0x80070005</c>), symbolic (<c>ERR_CONN_RESET</c>), an HTTP status or "error 1603".</summary>
    ErrorCode,

    /// <summary>A ticket reference (<c>INC-4471</c>, <c>#12345</c>, "ticket 12345").</summary>
    Reference,

    /// <summary>A duration ("3 hours" is <c>PT3H</c>, "2h30m" is <c>PT2H30M</c>, "since Monday" against the reference date).</summary>
    Duration,

    /// <summary>An occurrence ("3rd time this week", "again", "twice").</summary>
    Occurrence,

    /// <summary>People affected ("20 users", "more than 20 users", "the whole team").</summary>
    PeopleAffected,

    /// <summary>An amount of money (<c>$500.00</c>, <c>{$500.00}</c>), as an ISO currency code and a decimal.</summary>
    Amount,

    /// <summary>An explicit date, in ISO 8601 form (parts the text redacts or leaves out are <c>XX</c>).</summary>
    Date,

    /// <summary>A negated statement ("not down"): a negator and the word it negates.</summary>
    Negation,
}

/// <summary>A fact found in a complaint, with its position in the original text.</summary>
public readonly record struct ComplaintFact
{
    internal ComplaintFact(FactKind kind, string value, int start, int length)
    {
        Kind = kind;
        Value = value;
        Start = start;
        Length = length;
    }

    /// <summary>Gets what kind of fact it is.</summary>
    public FactKind Kind { get; }

    /// <summary>Gets the normalized value (for example <c>PT3H</c>, <c>USD 500.00</c>, <c>INC-4471</c>, <c>VPN</c>).</summary>
    public string Value { get; }

    /// <summary>Gets the index of its first character in the original text.</summary>
    public int Start { get; }

    /// <summary>Gets the number of characters it spans in the original text.</summary>
    public int Length { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Value} @{Start}+{Length}";
}
