using Store.Core.Options;
using Store.Inference.Encoders;
using Store.Inference.Models;

namespace Store.Inference.Tests;

/// <summary>The built-in models on the CPU, loaded once for all the tests that encode.</summary>
public sealed class ModelFixture
{
    public DenseEncoder Arctic { get; } = ModelHost.For(InferenceDevice.Cpu).Dense(BuiltInModel.Arctic.Name);

    public DenseEncoder MiniLm { get; } = ModelHost.For(InferenceDevice.Cpu).Dense(BuiltInModel.MiniLm.Name);

    public string VocabPath { get; } = ModelHost.BuiltInFiles.Locate(BuiltInModel.Arctic).Vocab;
}
