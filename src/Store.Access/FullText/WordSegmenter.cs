using System.Buffers;
using System.Text;

namespace Store.Access.FullText;

/// <summary>
/// Splits text into words after Unicode's word boundaries (UAX #29), as far as search needs them.
/// </summary>
/// <remarks>
/// <para>What it does. A word is a run of letters and digits of any script (categories L*, Nl,
/// Nd, No), with the combining marks and format characters that follow them (rule WB4), so
/// "naïve" spelt with a combining diaeresis, Devanagari with its vowel signs and Thai are whole.
/// Letters and digits join (WB9, WB10: "covid19", "1990s"). A full stop or an apostrophe (straight,
/// curly or full-width) stays inside a word between two letters ("don't", "o’clock", "u.s.a") or
/// between two digits ("3.14", "1.000"), a comma between two digits ("1,000") and a middle dot
/// between two letters ("col·lecció") (WB6, WB7, WB11, WB12); an underscore joins what is either
/// side of it ("snake_case"). Anything else (spaces, hyphens, slashes, other punctuation,
/// symbols, emoji) ends a word and is dropped, and a word never starts or ends with a full stop,
/// apostrophe, comma or underscore. Han ideographs and Hiragana are one word per character and
/// Katakana runs are one word (WB13), as Lucene's StandardTokenizer has them; the analyzer gives
/// these words consecutive positions, so a phrase of ideographs still matches as a phrase.</para>
/// <para>What it does not do. No dictionary segmentation: Thai, Lao, Khmer and Myanmar, written
/// without spaces, come out as whole runs (as StandardTokenizer's SOUTHEAST_ASIAN tokens do), and
/// Chinese and Japanese as single characters, not words. Emoji are not words (StandardTokenizer
/// keeps them). The colon, which UAX #29 lets join letters ("k:a"), splits here so that "title:word"
/// gives two words; the semicolon does not join digits; Hebrew letters around a double quote
/// (WB7b, WB7c) and letters joined by underscores at a word's edge (WB13a, WB13b) are split; other
/// numbers (superscripts, fractions) count as digits, which UAX #29 leaves out ("H₂O" is one word,
/// "h2o" once folded). Regional indicators, emoji sequences and the other grapheme rules are not
/// looked at.</para>
/// <para>It allocates nothing: it reports where a word is, and the caller reads it from the text.</para>
/// </remarks>
internal static partial class WordSegmenter
{
    /// <summary>
    /// Finds the next word at or after <paramref name="offset"/>: its start and length in the text.
    /// Moves <paramref name="offset"/> past it; false when no word is left.
    /// </summary>
    public static bool TryNextWord(ReadOnlySpan<char> text, ref int offset, out int start, out int length)
    {
        var i = offset;
        var kind = WordBreakClass.Other;
        var width = 0;
        while (i < text.Length)
        {
            (kind, width) = ClassAt(text, i);
            if (kind is WordBreakClass.Letter or WordBreakClass.Digit or WordBreakClass.Katakana or WordBreakClass.Ideograph)
            {
                break;
            }

            i += width;
        }

        if (i >= text.Length)
        {
            offset = text.Length;
            start = length = 0;
            return false;
        }

        start = i;
        i = kind switch
        {
            WordBreakClass.Ideograph => SkipExtend(text, i + width),
            WordBreakClass.Katakana => EndOfKatakana(text, i + width),
            _ => EndOfWord(text, i + width, kind),
        };
        length = i - start;
        offset = i;
        return true;
    }

    /// <summary>The end of a word of letters and digits whose last letter or digit was <paramref name="last"/>.</summary>
    private static int EndOfWord(ReadOnlySpan<char> text, int i, WordBreakClass last)
    {
        while (i < text.Length)
        {
            var (kind, width) = ClassAt(text, i);
            switch (kind)
            {
                case WordBreakClass.Letter or WordBreakClass.Digit:
                    last = kind;
                    i += width;
                    continue;
                case WordBreakClass.Extend:
                    i += width;
                    continue;
                case WordBreakClass.MidLetter or WordBreakClass.MidNum or WordBreakClass.MidNumLet or WordBreakClass.Connector:
                    if (i + width >= text.Length)
                    {
                        return i;
                    }

                    var (next, nextWidth) = ClassAt(text, i + width);
                    if (!Joins(kind, last, next))
                    {
                        return i;
                    }

                    last = next;
                    i += width + nextWidth;
                    continue;
                default:
                    return i;
            }
        }

        return i;
    }

    /// <summary>Whether a character of class <paramref name="middle"/> between <paramref name="before"/> and <paramref name="after"/> stays inside the word.</summary>
    private static bool Joins(WordBreakClass middle, WordBreakClass before, WordBreakClass after) => middle switch
    {
        WordBreakClass.MidLetter => before == WordBreakClass.Letter && after == WordBreakClass.Letter,
        WordBreakClass.MidNum => before == WordBreakClass.Digit && after == WordBreakClass.Digit,
        WordBreakClass.MidNumLet => before == after && after is WordBreakClass.Letter or WordBreakClass.Digit,
        WordBreakClass.Connector => after is WordBreakClass.Letter or WordBreakClass.Digit,
        _ => false,
    };

    private static int EndOfKatakana(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            var (kind, width) = ClassAt(text, i);
            if (kind is not (WordBreakClass.Katakana or WordBreakClass.Extend))
            {
                break;
            }

            i += width;
        }

        return i;
    }

    private static int SkipExtend(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            var (kind, width) = ClassAt(text, i);
            if (kind != WordBreakClass.Extend)
            {
                break;
            }

            i += width;
        }

        return i;
    }

    /// <summary>The class of the character at <paramref name="index"/> and how many UTF-16 units it takes (2 for a surrogate pair).</summary>
    private static (WordBreakClass Kind, int Width) ClassAt(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (c < 0x80)
        {
            return ((WordBreakClass)AsciiClasses[c], 1);
        }

        if (!char.IsSurrogate(c))
        {
            return (Classify(c), 1);
        }

        // A lone surrogate is not text; it separates words.
        return Rune.DecodeFromUtf16(text[index..], out var rune, out var width) == OperationStatus.Done
            ? (Classify(rune.Value), width)
            : (WordBreakClass.Other, 1);
    }
}
