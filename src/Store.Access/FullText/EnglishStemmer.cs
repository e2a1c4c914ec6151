namespace Store.Access.FullText;

/// <summary>
/// The Snowball English stemmer ("Porter2"), written from the published algorithm
/// (snowballstem.org/algorithms/english/stemmer.html and <c>algorithms/english.sbl</c> of the
/// Snowball repository, as revised in 2025: the <c>-eed</c>/<c>-ing</c> exceptions inside step 1b,
/// <c>-ogist</c>, and the R1 prefixes <c>past</c>, <c>univers</c>, <c>later</c>, <c>emerg</c>,
/// <c>organ</c> and <c>inter</c>). It stems in place, allocating nothing, and agrees with
/// Snowball's own output on every word of its published English vocabulary (the test data in
/// tests/Store.Access.Tests/FullText says which revision).
/// </summary>
/// <remarks>
/// The input is expected lower-cased (the analyzer folds first). Vowels are <c>aeiouy</c> only, so
/// words of other scripts pass through unchanged but for the rare Latin suffix they end in.
/// Lengths are counted in UTF-16 units where Snowball counts characters; the two differ only for
/// characters outside the Basic Multilingual Plane, which no English suffix rule looks at.
/// </remarks>
internal ref partial struct EnglishStemmer
{
    private readonly Span<char> _word;
    private int _length;

    // The start of the regions R1 and R2 (the word's length when a region is empty).
    private int _p1;
    private int _p2;

    // Whether the prelude turned a consonant y into Y (the postlude turns it back).
    private bool _yFound;

    private EnglishStemmer(Span<char> word)
    {
        _word = word;
        _length = word.Length;
    }

    /// <summary>Stems a lower-case word in place and returns the stem's length (never longer than the word).</summary>
    public static int Stem(Span<char> word)
    {
        if (Exception(word) is { } exception)
        {
            exception.CopyTo(word);
            return exception.Length;
        }

        if (word.Length < 3)
        {
            return word.Length;
        }

        var stemmer = new EnglishStemmer(word);
        stemmer.Prelude();
        stemmer.MarkRegions();
        stemmer.Step1a();
        stemmer.Step1b();
        stemmer.Step1c();
        stemmer.Step2();
        stemmer.Step3();
        stemmer.Step4();
        stemmer.Step5();
        stemmer.Postlude();
        return stemmer._length;
    }

    /// <summary>Whole words with a fixed stem (Snowball's <c>exception1</c>); the invariant ones map to themselves.</summary>
    private static string? Exception(ReadOnlySpan<char> word) => word switch
    {
        "skis" => "ski",
        "skies" => "sky",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" => "sky",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => null,
    };

    private readonly Span<char> Word => _word[.._length];

    private const uint Vowels = (1u << ('a' - 'a')) | (1u << ('e' - 'a')) | (1u << ('i' - 'a')) | (1u << ('o' - 'a')) | (1u << ('u' - 'a')) | (1u << ('y' - 'a'));

    private static bool IsVowel(char c) => (uint)(c - 'a') < 26 && ((Vowels >> (c - 'a')) & 1) != 0;

    private readonly bool EndsWith(string suffix) => Word.EndsWith(suffix);

    /// <summary>Whether a vowel occurs in the word before <paramref name="end"/>.</summary>
    private readonly bool HasVowelBefore(int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(_word[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the word up to <paramref name="end"/> ends in a short syllable: a non-vowel, a vowel
    /// and a non-vowel other than w, x or Y; or a vowel and a non-vowel at the very start; or "past".
    /// </summary>
    private readonly bool EndsInShortSyllable(int end)
    {
        if (end >= 3 && !IsVowel(_word[end - 1]) && _word[end - 1] is not ('w' or 'x' or 'Y')
            && IsVowel(_word[end - 2]) && !IsVowel(_word[end - 3]))
        {
            return true;
        }

        if (end == 2 && IsVowel(_word[0]) && !IsVowel(_word[1]))
        {
            return true;
        }

        return end >= 4 && _word[(end - 4)..end].SequenceEqual("past");
    }

    /// <summary>Drops a leading apostrophe and marks a consonant y (initial, or after a vowel) as Y.</summary>
    private void Prelude()
    {
        if (_word[0] == '\'')
        {
            _word[1.._length].CopyTo(_word);
            _length--;
        }

        if (_length > 0 && _word[0] == 'y')
        {
            _word[0] = 'Y';
            _yFound = true;
        }

        for (var i = 1; i < _length; i++)
        {
            if (_word[i] == 'y' && IsVowel(_word[i - 1]))
            {
                _word[i] = 'Y';
                _yFound = true;
            }
        }
    }

    /// <summary>
    /// R1 starts after the first non-vowel that follows a vowel (or after one of a few prefixes
    /// that would otherwise conflate unrelated words), R2 likewise within R1.
    /// </summary>
    private void MarkRegions()
    {
        _p1 = _length;
        _p2 = _length;
        var p1 = RegionPrefixLength();
        if (p1 == 0)
        {
            p1 = AfterVowelAndNonVowel(0);
            if (p1 < 0)
            {
                return;
            }
        }

        _p1 = p1;
        var p2 = AfterVowelAndNonVowel(p1);
        if (p2 >= 0)
        {
            _p2 = p2;
        }
    }

    /// <summary>The length of the prefix R1 starts after, when the word starts with one (none starts another).</summary>
    private readonly int RegionPrefixLength()
    {
        var prefix = _word[0] switch
        {
            'g' => "gener",
            'c' => "commun",
            'a' => "arsen",
            'p' => "past",
            'u' => "univers",
            'l' => "later",
            'e' => "emerg",
            'o' => "organ",
            'i' => "inter",
            _ => null,
        };
        return prefix is not null && Word.StartsWith(prefix) ? prefix.Length : 0;
    }

    /// <summary>The position after the first non-vowel that follows a vowel at or after <paramref name="from"/>, or -1.</summary>
    private readonly int AfterVowelAndNonVowel(int from)
    {
        var i = from;
        while (i < _length && !IsVowel(_word[i]))
        {
            i++;
        }

        while (i < _length && IsVowel(_word[i]))
        {
            i++;
        }

        return i < _length ? i + 1 : -1;
    }

    /// <summary>Turns every Y the prelude made back into y.</summary>
    private readonly void Postlude()
    {
        if (_yFound)
        {
            Word.Replace('Y', 'y');
        }
    }
}
