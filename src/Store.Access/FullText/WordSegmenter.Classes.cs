using System.Globalization;

namespace Store.Access.FullText;

/// <summary>The character classes behind <see cref="WordSegmenter"/>.</summary>
internal static partial class WordSegmenter
{
    private static readonly WordBreakClass[] AsciiClasses = [.. Enumerable.Range(0, 128).Select(c => AsciiClass((char)c))];

    private static WordBreakClass AsciiClass(char c) => c switch
    {
        (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') => WordBreakClass.Letter,
        >= '0' and <= '9' => WordBreakClass.Digit,
        '.' or '\'' => WordBreakClass.MidNumLet,
        ',' => WordBreakClass.MidNum,
        '_' => WordBreakClass.Connector,
        _ => WordBreakClass.Other,
    };

    /// <summary>The class of a character outside ASCII, by the few code points UAX #29 names, script ranges, then general category.</summary>
    private static WordBreakClass Classify(int c)
    {
        switch (c)
        {
            case 0x2018 or 0x2019 or 0x2024 or 0xFE52 or 0xFF07 or 0xFF0E:
                return WordBreakClass.MidNumLet;
            case 0x00B7 or 0x0387 or 0x05F4 or 0x2027:
                return WordBreakClass.MidLetter;
            case 0x060C or 0x066C or 0xFE50 or 0xFF0C:
                return WordBreakClass.MidNum;
            case 0x200B:
                // Zero-width space is a word boundary (UAX #29 leaves it out of Format): Thai text uses it so.
                return WordBreakClass.Other;
        }

        if (IsIdeographOrHiragana(c))
        {
            return WordBreakClass.Ideograph;
        }

        if (IsKatakana(c))
        {
            return WordBreakClass.Katakana;
        }

        var category = c < 0x10000 ? char.GetUnicodeCategory((char)c) : CharUnicodeInfo.GetUnicodeCategory(c);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => WordBreakClass.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.OtherNumber => WordBreakClass.Digit,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format => WordBreakClass.Extend,
            UnicodeCategory.ConnectorPunctuation => WordBreakClass.Connector,
            _ => WordBreakClass.Other,
        };
    }

    /// <summary>Han ideographs (with the iteration and numeral marks used among them) and Hiragana letters.</summary>
    private static bool IsIdeographOrHiragana(int c) =>
        c is (>= 0x3005 and <= 0x3007) or (>= 0x3021 and <= 0x3029) or (>= 0x3038 and <= 0x303B)
            or (>= 0x3041 and <= 0x3096) or (>= 0x309D and <= 0x309F)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>Katakana, its phonetic extensions, the prolonged sound mark and half-width Katakana.</summary>
    private static bool IsKatakana(int c) =>
        c is (>= 0x30A1 and <= 0x30FA) or (>= 0x30FC and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF)
            or (>= 0x32D0 and <= 0x32FE) or (>= 0x3300 and <= 0x3357) or (>= 0xFF66 and <= 0xFF9F);
}
