using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// The hash of each subtree's canonical text (<see cref="SyntaxText"/>), computed without
/// building the text and kept per node: a node's hash takes its own fragments and its
/// children's kept hashes, so hashing every node of a tree costs time in proportion to the
/// tree's size, where rendering every node's text would cost its size times its depth.
/// Equal texts always hash alike; unequal ones may too (modulo 2^64 a crafted text can
/// collide whatever the base), so a match is confirmed on the text.
/// </summary>
internal sealed class SyntaxTextHashes(ulong hashBase)
{
    /// <summary>Odd, so no power of it is zero modulo 2^64 (the 64-bit golden ratio, whose bits are well mixed).</summary>
    public const ulong DefaultBase = 0x9E3779B97F4A7C15;

    private readonly ulong _base = hashBase;
    private readonly Dictionary<Expression, TextHash> _hashes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Characters hashed and child hashes reused so far: the work done, which tests hold to linear.</summary>
    public long Steps { get; private set; }

    /// <summary>The hash of the expression's canonical text; the first call for a tree recurses through it once, as deep as it nests.</summary>
    public TextHash Of(Expression expression)
    {
        if (!_hashes.TryGetValue(expression, out var hash))
        {
            var hasher = new Hasher(this);
            SyntaxText.WriteTo(expression, hasher);
            hash = hasher.Hash;
            _hashes.Add(expression, hash);
        }

        return hash;
    }

    /// <summary>Hashes one node's text: its fragments character by character, each child by the hash kept for it.</summary>
    private sealed class Hasher(SyntaxTextHashes hashes) : ISyntaxTextSink
    {
        public TextHash Hash { get; private set; } = TextHash.Empty;

        public ISyntaxTextSink Write(string fragment)
        {
            foreach (var next in fragment)
            {
                Hash = Hash.Append(next, hashes._base);
            }

            hashes.Steps += fragment.Length;
            return this;
        }

        public ISyntaxTextSink Write(Expression child)
        {
            Hash = Hash.Append(hashes.Of(child));
            hashes.Steps++;
            return this;
        }
    }
}
