using Store.Core.Errors;
using Store.Core.Options;
using Store.Core.Vectors;
using Store.Inference.Encoders;

namespace Store.Inference.Tests;

public class DenseEncoderTests(ModelFixture models) : IClassFixture<ModelFixture>
{
    private const string Query = "what is the capital of France";
    private const string Relevant = "Paris is the capital and largest city of France, on the Seine.";
    private const string Unrelated = "Bananas are a good source of potassium and are usually eaten raw.";

    [Theory]
    [InlineData("arctic")]
    [InlineData("minilm")]
    public void Vectors_have_the_model_s_width_unit_length_and_rank_the_relevant_text_first(string name)
    {
        var encoder = Encoder(name);
        var documents = encoder.EncodeDocuments([Relevant, Unrelated]);
        var query = encoder.EncodeQuery(Query);

        Assert.Equal(384, encoder.Dimensions);
        Assert.All(documents.Append(query), v => Assert.Equal(1f, MathF.Sqrt(VectorDistance.Dot(v, v)), 4));
        Assert.True(VectorDistance.Dot(query, documents[0]) > VectorDistance.Dot(query, documents[1]) + 0.1f,
            $"relevant {VectorDistance.Dot(query, documents[0]):F3}, unrelated {VectorDistance.Dot(query, documents[1]):F3}");
    }

    /// <summary>Length sorting and padding to the longest in a batch must not change any text's vector.</summary>
    [Theory]
    [InlineData("arctic")]
    [InlineData("minilm")]
    public void A_batch_gives_each_text_the_vector_it_gets_alone(string name)
    {
        var encoder = Encoder(name);
        string[] texts = ["short", Relevant + " " + Unrelated + " " + Relevant, Unrelated, "a medium length sentence about vector databases"];
        var together = encoder.EncodeDocuments(texts, batchSize: 3);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = encoder.EncodeDocuments([texts[i]])[0];
            Assert.True(MaxAbsDifference(alone, together[i]) < 1e-4f, $"text {i}: {MaxAbsDifference(alone, together[i])}");
        }
    }

    [Fact]
    public void Arctic_queries_get_the_retrieval_prefix_and_minilm_queries_none()
    {
        Assert.True(MaxAbsDifference(models.Arctic.EncodeQuery(Query), models.Arctic.EncodeDocuments([Query])[0]) > 1e-2f);
        Assert.True(MaxAbsDifference(models.Arctic.EncodeQuery(Query), models.Arctic.EncodeDocuments([models.Arctic.Settings.QueryPrefix + Query])[0]) < 1e-4f);
        Assert.True(MaxAbsDifference(models.MiniLm.EncodeQuery(Query), models.MiniLm.EncodeDocuments([Query])[0]) < 1e-4f);
        Assert.Same(models.Arctic.EncodeQuery(Query), models.Arctic.EncodeQuery(Query));
    }

    [Fact]
    public void Token_vectors_are_the_content_tokens_each_of_unit_length()
    {
        var tokens = models.Arctic.EncodeTokens(["retrieval augmented generation", "hi"]);
        Assert.Equal([3 * 384, 1 * 384], tokens.Select(t => t.Length));
        for (var t = 0; t < 3; t++)
        {
            var token = tokens[0].AsSpan(t * 384, 384);
            Assert.Equal(1f, MathF.Sqrt(VectorDistance.Dot(token, token)), 4);
        }
    }

    [Fact]
    public void Texts_longer_than_the_model_takes_are_cut_and_counted()
    {
        var before = models.MiniLm.TruncatedInputs;
        var vector = models.MiniLm.EncodeDocuments([string.Join(' ', Enumerable.Repeat("retrieval augmented generation", 200))])[0];
        Assert.Equal(384, vector.Length);
        Assert.True(models.MiniLm.TruncatedInputs > before);
    }

    [Fact]
    public void Unknown_models_and_an_unusable_cuda_device_are_typed_errors()
    {
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => ModelHost.For(InferenceDevice.Cpu).Dense("no-such-model")).Code);

        // Asking for CUDA either runs on the GPU or says plainly that it cannot.
        try
        {
            Assert.True(ModelHost.For(InferenceDevice.Cuda).Dense("minilm").OnGpu);
        }
        catch (StoreException e)
        {
            Assert.Equal(ErrorCode.DeviceUnavailable, e.Code);
        }
    }

    private DenseEncoder Encoder(string name) => name == "arctic" ? models.Arctic : models.MiniLm;

    private static float MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => MathF.Abs(x - y)).Max();
}
