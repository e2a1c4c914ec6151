using System.Buffers;
using System.Globalization;
using System.Text;

namespace Store.Access.FullText;

/// <summary>
/// Folds a word to the form its term is kept in: compatibility forms to their plain letters
/// (NFKD: "ﬁ" to "fi", full-width "Ａ" to "a", "²" to "2"), accents off (the combining diacritical
/// marks dropped, so "Café" is "cafe" whichever way it was spelt), a few letters that do not
/// decompose spelt out ("æ" "ae", "œ" "oe", "ß" "ss", "ø" "o", "đ" and "ð" "d", "ł" "l", "þ" "th",
/// "ħ" "h", "ı" "i"), lower case (invariant culture, final sigma as sigma), curly and modifier
/// apostrophes as "'", and format characters (soft hyphen, joiners) and the Catalan middle dot gone.
/// The result is recomposed (NFC), so Hangul and other scripts keep their precomposed letters.
/// </summary>
/// <remarks>
/// Only the generic combining diacritics are dropped (U+0300-036F and their extension and
/// supplement blocks, the marks for symbols, the half marks, variation selectors): the vowel
/// signs of Indic scripts, Thai and the like are letters of their words and stay, and so do
/// Hebrew and Arabic points. Characters below U+0530 (Latin, IPA, Greek, Cyrillic) fold through
/// a table built once from the same rules, so most words never reach the normaliser.
/// </remarks>
internal static class TermFolder
{
    /// <summary>How many UTF-16 units NFKD can make of one (U+FDFA makes 18): the scratch a word needs per unit.</summary>
    public const int MaxDecompositionFactor = 18;

    private const int TableStart = 0x80;
    private const int TableEnd = 0x530;

    private static readonly string[] Table = BuildTable();

    /// <summary>
    /// Folds <paramref name="word"/> into <paramref name="destination"/> and returns the length, or -1
    /// when the result does not fit (or when <paramref name="scratch"/>, which must hold
    /// <see cref="MaxDecompositionFactor"/> units per unit of the word, is too small).
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination, Span<char> scratch)
    {
        var length = 0;
        foreach (var c in word)
        {
            if (c < TableStart)
            {
                if (length == destination.Length)
                {
                    return -1;
                }

                destination[length++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            }
            else if (c < TableEnd || c is '\u2018' or '\u2019')
            {
                var folded = c < TableEnd ? Table[c - TableStart] : "'";
                if (!folded.TryCopyTo(destination[length..]))
                {
                    return -1;
                }

                length += folded.Length;
            }
            else
            {
                return FoldAny(word, destination, scratch);
            }
        }

        return length;
    }

    /// <summary>The general path: decompose, drop, map and lower-case, recompose.</summary>
    private static int FoldAny(ReadOnlySpan<char> word, Span<char> destination, Span<char> scratch)
    {
        if (!word.TryNormalize(scratch, out var decomposedLength, NormalizationForm.FormKD))
        {
            return -1;
        }

        var length = 0;
        var decomposed = scratch[..decomposedLength];
        for (var i = 0; i < decomposed.Length;)
        {
            if (Rune.DecodeFromUtf16(decomposed[i..], out var rune, out var width) != OperationStatus.Done)
            {
                return -1;
            }

            i += width;
            if (IsDropped(rune))
            {
                continue;
            }

            if (Spelt(rune.Value) is { } spelt)
            {
                if (!spelt.TryCopyTo(destination[length..]))
                {
                    return -1;
                }

                length += spelt.Length;
            }
            else if (Rune.ToLowerInvariant(rune).TryEncodeToUtf16(destination[length..], out var written))
            {
                length += written;
            }
            else
            {
                return -1;
            }
        }

        var folded = destination[..length];
        if (folded.IsNormalized(NormalizationForm.FormC))
        {
            return length;
        }

        if (!folded.TryNormalize(scratch, out var composedLength, NormalizationForm.FormC) || composedLength > destination.Length)
        {
            return -1;
        }

        scratch[..composedLength].CopyTo(destination);
        return composedLength;
    }

    /// <summary>Generic combining diacritics, variation selectors, format characters and the middle dot.</summary>
    private static bool IsDropped(Rune rune) =>
        rune.Value is (>= 0x0300 and <= 0x036F) or (>= 0x1AB0 and <= 0x1AFF) or (>= 0x1DC0 and <= 0x1DFF)
            or (>= 0x20D0 and <= 0x20FF) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xFE20 and <= 0xFE2F)
            or (>= 0xE0100 and <= 0xE01EF) or 0x00B7
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;

    /// <summary>Letters that do not decompose but are searched for as their plain spelling.</summary>
    private static string? Spelt(int c) => c switch
    {
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ß' or 'ẞ' => "ss",
        'ø' or 'Ø' => "o",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'ł' or 'Ł' => "l",
        'þ' or 'Þ' => "th",
        'ħ' or 'Ħ' => "h",
        'ı' => "i",
        'ς' => "σ",
        '\u2018' or '\u2019' or '\u02BC' => "'",
        _ => null,
    };

    private static string[] BuildTable()
    {
        var table = new string[TableEnd - TableStart];
        Span<char> scratch = stackalloc char[MaxDecompositionFactor * 2];
        Span<char> destination = stackalloc char[MaxDecompositionFactor * 2];
        for (var c = TableStart; c < TableEnd; c++)
        {
            var character = (char)c;
            var length = FoldAny(new ReadOnlySpan<char>(in character), destination, scratch);
            table[c - TableStart] = length < 0 ? character.ToString() : destination[..length].ToString();
        }

        return table;
    }
}
