namespace Store.Access.FullText;

/// <summary>
/// What a character is to word segmentation: a simplified form of Unicode's Word_Break property
/// (UAX #29), with the scripts that are written without spaces told apart.
/// </summary>
internal enum WordBreakClass : byte
{
    /// <summary>Spaces, punctuation, symbols and emoji: between words, never in one.</summary>
    Other,

    /// <summary>Letters of any script written with spaces (and Thai, Lao, Khmer, Myanmar runs), letter numbers.</summary>
    Letter,

    /// <summary>Decimal digits and other numbers (superscripts, circled and fraction digits).</summary>
    Digit,

    /// <summary>Katakana: a run of it is one word.</summary>
    Katakana,

    /// <summary>Han ideographs and Hiragana: each character is a word of its own.</summary>
    Ideograph,

    /// <summary>Combining marks, format characters and joiners: part of the character before them.</summary>
    Extend,

    /// <summary>Inside a word between two letters only (middle dot, Hebrew gershayim).</summary>
    MidLetter,

    /// <summary>Inside a number between two digits only (comma, Arabic thousands separator).</summary>
    MidNum,

    /// <summary>Inside a word between two letters or two digits (full stop, apostrophes).</summary>
    MidNumLet,

    /// <summary>Connector punctuation (underscore): inside a word before a letter or digit.</summary>
    Connector,
}
