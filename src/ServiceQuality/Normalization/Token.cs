namespace ServiceQuality.Normalization;

/// <summary>What a token of the cleaned text is.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Ordinal,
    ErrorCode,
    Reference,
    Date,
    Amount,
    Duration,
    Host,
    Url,
    Placeholder,
    Redaction,
    Identifier,
    Acronym,
    Product,
    System,
    Punctuation,
    Merged,
}

/// <summary>A token: its core and its chunk (core plus leading and trailing punctuation) in the cleaned text, and its form.</summary>
internal struct Token
{
    public int Start;
    public int End;
    public int ChunkStart;
    public int ChunkEnd;
    public int FormStart;
    public int FormLength;
    public TokenKind Kind;
    public bool Dropped;
    public bool Intensifier;

    /// <summary>The token was dropped as (part of) an insult phrase.</summary>
    public bool Insult;

    /// <summary>The token ends a dropped insult sentence: its sentence punctuation goes with it.</summary>
    public bool DropPunctuation;
    /// <summary>The index of the word's lexicon entry in <see cref="Lexicons.Words"/> plus one; 0 for none (a token holds no reference).</summary>
    public int Entry;

    /// <summary>The lexicon flags of the word's entry, kept in the token (and in the table's slot) so that no pass reads the entry for them.</summary>
    public Lexicons.WordFlags Flags;

    /// <summary>The <see cref="Hashing.Hash"/> of the form, or 0 when it was not computed or the form changed since.</summary>
    public ulong FormHash;

    public readonly bool IsWordLike => Kind is TokenKind.Word or TokenKind.System or TokenKind.Acronym or TokenKind.Product;
}
