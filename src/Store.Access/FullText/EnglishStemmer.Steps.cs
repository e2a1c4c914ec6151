namespace Store.Access.FullText;

/// <summary>The suffix steps 1a to 5 of the Snowball English stemmer.</summary>
internal ref partial struct EnglishStemmer
{
    // Each step's suffixes, longest first: a step acts on the longest suffix the word ends in,
    // and only on that one (when its condition fails, no shorter suffix is tried).
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
        ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"),
        ("fulli", "ful"), ("ogist", "og"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
        ("bli", "ble"), ("ogi", "og"),
        ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step4Rules =
    [
        .. ((string[])["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
            "al", "er", "ic"]).Select(suffix => (suffix, "")),
    ];

    // The same rules by their last letter (a to z), so a step compares a word with a few suffixes only.
    private static readonly (string Suffix, string Replacement)[][] Step2ByLastLetter = ByLastLetter(Step2Rules);
    private static readonly (string Suffix, string Replacement)[][] Step3ByLastLetter = ByLastLetter(Step3Rules);
    private static readonly (string Suffix, string Replacement)[][] Step4ByLastLetter = ByLastLetter(Step4Rules);

    /// <summary>Possessive apostrophes, then plural -s, -ies and -sses.</summary>
    private void Step1a()
    {
        if (_word[_length - 1] is not ('\'' or 's' or 'd'))
        {
            return;
        }

        if (EndsWith("'s'"))
        {
            _length -= 3;
        }
        else if (EndsWith("'s"))
        {
            _length -= 2;
        }
        else if (EndsWith("'"))
        {
            _length--;
        }

        if (EndsWith("sses"))
        {
            _length -= 2;
        }
        else if (EndsWith("ied") || EndsWith("ies"))
        {
            // cries -> cri, but ties -> tie: "i" after two letters or more, "ie" after one.
            _length -= _length > 4 ? 2 : 1;
        }
        else if (EndsWith("us") || EndsWith("ss"))
        {
            // Not a plural: left alone.
        }
        else if (EndsWith("s") && HasVowelBefore(_length - 2))
        {
            // Only when a vowel comes before the letter next to the s: gaps -> gap, but gas stays.
            _length--;
        }
    }

    /// <summary>-eed, -ed, -ing and their -ly forms.</summary>
    private void Step1b()
    {
        if (_length == 0 || _word[_length - 1] is not ('d' or 'g' or 'y'))
        {
            return;
        }

        if (EndsWith("eedly"))
        {
            ReplaceEed(5);
        }
        else if (EndsWith("ingly"))
        {
            RemoveVerbEnding(5);
        }
        else if (EndsWith("edly"))
        {
            RemoveVerbEnding(4);
        }
        else if (EndsWith("eed"))
        {
            ReplaceEed(3);
        }
        else if (EndsWith("ing"))
        {
            if (!IngException())
            {
                RemoveVerbEnding(3);
            }
        }
        else if (EndsWith("ed"))
        {
            RemoveVerbEnding(2);
        }
    }

    /// <summary>-eed and -eedly become -ee in R1, except in proceed, exceed and succeed.</summary>
    private void ReplaceEed(int suffixLength)
    {
        var start = _length - suffixLength;
        if (start >= _p1 && _word[..start] is not ("proc" or "exc" or "succ"))
        {
            _length = start + 2;
        }
    }

    /// <summary>
    /// The -ing words Snowball leaves alone or treats specially: dying, lying, tying and vying
    /// become die, lie, tie, vie; inning, outing, canning, herring, earring and evening stay.
    /// True when the word was one of them.
    /// </summary>
    private bool IngException()
    {
        var start = _length - 3;
        var stem = _word[..start];
        if (start > 0 && stem[^1] == 'y')
        {
            if (start == 2 && !IsVowel(_word[0]))
            {
                _word[1] = 'i';
                _word[2] = 'e';
                _length = 3;
                return true;
            }

            return false;
        }

        return stem is "inn" or "out" or "cann" or "herr" or "earr" or "even";
    }

    /// <summary>
    /// Removes -ed, -edly, -ing or -ingly when a vowel precedes it, then tidies the stem:
    /// -at, -bl, -iz gain an e; a double consonant loses one letter (but not in add, egg, off...);
    /// a short word ending in a short syllable gains an e (hop -> hope).
    /// </summary>
    private void RemoveVerbEnding(int suffixLength)
    {
        var start = _length - suffixLength;
        if (!HasVowelBefore(start))
        {
            return;
        }

        _length = start;
        if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
        {
            _word[_length++] = 'e';
        }
        else if (_length >= 2 && _word[_length - 1] == _word[_length - 2] && _word[_length - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
        {
            if (!(_length == 3 && _word[0] is 'a' or 'e' or 'o'))
            {
                _length--;
            }
        }
        else if (_length == _p1 && EndsInShortSyllable(_length))
        {
            _word[_length++] = 'e';
        }
    }

    /// <summary>A final y or Y after a non-vowel that is not the first letter becomes i (cry -> cri, by stays).</summary>
    private readonly void Step1c()
    {
        if (_length >= 3 && _word[_length - 1] is 'y' or 'Y' && !IsVowel(_word[_length - 2]))
        {
            _word[_length - 1] = 'i';
        }
    }

    /// <summary>Derivational suffixes in R1 (-ational -> -ate, -iveness -> -ive, ...).</summary>
    private void Step2()
    {
        var (suffix, replacement) = LongestRule(Step2ByLastLetter, _p1);
        if (suffix is null)
        {
            return;
        }

        var start = _length - suffix.Length;
        if (start < _p1)
        {
            return;
        }

        var before = start > 0 ? _word[start - 1] : '\0';
        if ((suffix == "ogi" && before != 'l') || (suffix == "li" && !IsValidLiEnding(before)))
        {
            return;
        }

        Replace(suffix.Length, replacement);
    }

    private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

    /// <summary>More derivational suffixes in R1 (-icate -> -ic, -ness removed, -ative removed in R2).</summary>
    private void Step3()
    {
        var (suffix, replacement) = LongestRule(Step3ByLastLetter, _p1);
        if (suffix is null)
        {
            return;
        }

        var start = _length - suffix.Length;
        if (start < _p1 || (suffix == "ative" && start < _p2))
        {
            return;
        }

        Replace(suffix.Length, replacement);
    }

    /// <summary>Suffixes removed in R2 (-ance, -ment, -ism...; -ion only after s or t).</summary>
    private void Step4()
    {
        var (suffix, _) = LongestRule(Step4ByLastLetter, _p2);
        if (suffix is null)
        {
            return;
        }

        var start = _length - suffix.Length;
        if (start >= _p2 && (suffix != "ion" || (start > 0 && _word[start - 1] is 's' or 't')))
        {
            _length = start;
        }
    }

    /// <summary>A final e in R2, or in R1 after no short syllable; a final l after l in R2.</summary>
    private void Step5()
    {
        var last = _length - 1;
        if (last < 0)
        {
            return;
        }

        if (_word[last] == 'e')
        {
            if (last >= _p2 || (last >= _p1 && !EndsInShortSyllable(last)))
            {
                _length = last;
            }
        }
        else if (_word[last] == 'l' && last >= _p2 && last > 0 && _word[last - 1] == 'l')
        {
            _length = last;
        }
    }

    /// <summary>
    /// The rule for the longest suffix the word ends in, or default when none; none either when the
    /// region the step works in (starting at <paramref name="region"/>) is empty.
    /// </summary>
    private readonly (string? Suffix, string Replacement) LongestRule((string Suffix, string Replacement)[][] rulesByLastLetter, int region)
    {
        if (region >= _length)
        {
            return default;
        }

        var last = _word[_length - 1];
        if ((uint)(last - 'a') >= 26)
        {
            return default;
        }

        foreach (var rule in rulesByLastLetter[last - 'a'])
        {
            if (EndsWith(rule.Suffix))
            {
                return rule;
            }
        }

        return default;
    }

    private static (string Suffix, string Replacement)[][] ByLastLetter((string Suffix, string Replacement)[] rules) =>
        [.. Enumerable.Range('a', 26).Select(letter => rules.Where(rule => rule.Suffix[^1] == letter).ToArray())];

    /// <summary>Replaces the last <paramref name="suffixLength"/> letters by a replacement no longer than them.</summary>
    private void Replace(int suffixLength, string replacement)
    {
        var start = _length - suffixLength;
        replacement.CopyTo(_word[start..]);
        _length = start + replacement.Length;
    }
}
