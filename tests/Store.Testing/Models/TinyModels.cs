namespace Store.Testing.Models;

/// <summary>
/// Small ONNX models with the inputs and outputs of real BERT-style models, whose answers a
/// test can work out by hand, written with a shared vocabulary into a directory:
/// <list type="bullet">
/// <item><c>cross_encoder.onnx</c> (input_ids, attention_mask, token_type_ids to logits
/// [batch, 1]): the score of a pair is the dot product of the query side's and the text side's
/// token counts, so 1 (for the [SEP] on each side) plus the words they share, counted with
/// multiplicity. It reads token types, so a pair built without them scores 0.</item>
/// <item><c>sparse.onnx</c> (input_ids, attention_mask to logits [batch, tokens, vocabulary]):
/// token t's logits are row t of <see cref="SparseLogit"/>, so a text's SPLADE weights are
/// log(1 + <see cref="SparseLogit"/>(t, t)) for each token t it has, and nothing else (the
/// off-diagonal logits are negative, the padding token's diagonal is large).</item>
/// <item><c>tokens.onnx</c> (input_ids, attention_mask to last_hidden_state [batch, tokens,
/// vocabulary]): each token's vector is one-hot at its id, so MaxSim of a query against a text
/// is the share of the query's words that the text has.</item>
/// </list>
/// </summary>
public static class TinyModels
{
    /// <summary>The vocabulary: BERT's special tokens first ([PAD] is 0), then the words, one id each.</summary>
    public static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "apple", "banana", "cherry", "red", "green", "pie", "tree", "fruit", "the", "is", "sweet"];

    public static int Id(string token) => Array.IndexOf(Vocabulary, token);

    /// <summary>The sparse model's logit for token <paramref name="token"/> at vocabulary position <paramref name="term"/>.</summary>
    public static float SparseLogit(int token, int term) =>
        token == term ? (token == 0 ? 9f : 1 + (token % 3)) : term == (token + 1) % Vocabulary.Length ? -1f : 0f;

    /// <summary>Writes vocab.txt and the three models into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"), Vocabulary);
        CrossEncoder().Save(Path.Combine(directory, "cross_encoder.onnx"));
        TokenModel("logits", SparseLogit).Save(Path.Combine(directory, "sparse.onnx"));
        TokenModel("last_hidden_state", (token, term) => token == term ? 1f : 0f).Save(Path.Combine(directory, "tokens.onnx"));
    }

    private static OnnxGraph CrossEncoder()
    {
        var size = Vocabulary.Length;
        return new OnnxGraph()
            .TokenInput("input_ids").TokenInput("attention_mask").TokenInput("token_type_ids")
            .FloatOutput("logits", "batch", "1")
            .FloatInitializer("one_hot", [size, size], Matrix((token, term) => token == term ? 1f : 0f))
            .Int64Initializer("tokens_axis", [1])
            .Int64Initializer("last_axis", [2])
            .Node("Gather", ["one_hot", "input_ids"], "embedded")
            .Node("Cast", ["attention_mask"], "mask", ("to", 1))
            .Node("Cast", ["token_type_ids"], "types", ("to", 1))
            .Node("Mul", ["mask", "types"], "text_mask")
            .Node("Sub", ["mask", "text_mask"], "query_mask")
            .Node("Unsqueeze", ["query_mask", "last_axis"], "query_mask3")
            .Node("Unsqueeze", ["text_mask", "last_axis"], "text_mask3")
            .Node("Mul", ["embedded", "query_mask3"], "query_tokens")
            .Node("Mul", ["embedded", "text_mask3"], "text_tokens")
            .Node("ReduceSum", ["query_tokens", "tokens_axis"], "query_counts", ("keepdims", 0))
            .Node("ReduceSum", ["text_tokens", "tokens_axis"], "text_counts", ("keepdims", 0))
            .Node("Mul", ["query_counts", "text_counts"], "products")
            .Node("ReduceSum", ["products", "tokens_axis"], "logits", ("keepdims", 1));
    }

    /// <summary>A model whose output for each token is that token's row of a vocabulary x vocabulary matrix.</summary>
    private static OnnxGraph TokenModel(string output, Func<int, int, float> row) => new OnnxGraph()
        .TokenInput("input_ids").TokenInput("attention_mask")
        .FloatOutput(output, "batch", "tokens", $"{Vocabulary.Length}")
        .FloatInitializer("rows", [Vocabulary.Length, Vocabulary.Length], Matrix(row))
        .Node("Gather", ["rows", "input_ids"], output);

    private static float[] Matrix(Func<int, int, float> entry)
    {
        var size = Vocabulary.Length;
        var values = new float[size * size];
        for (var token = 0; token < size; token++)
        {
            for (var term = 0; term < size; term++)
            {
                values[(token * size) + term] = entry(token, term);
            }
        }

        return values;
    }
}
