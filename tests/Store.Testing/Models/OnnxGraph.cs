using System.Runtime.InteropServices;

namespace Store.Testing.Models;

/// <summary>
/// Builds a small ONNX model (opset 13) node by node and writes it as a .onnx file: inputs and
/// outputs with symbolic batch and token dimensions, float and int64 initializers, and nodes
/// with int attributes. The field numbers are those of onnx.proto.
/// </summary>
internal sealed class OnnxGraph
{
    private const int FloatType = 1;
    private const int Int64Type = 7;

    private readonly List<Action<ProtoWriter>> _nodes = [];
    private readonly List<Action<ProtoWriter>> _initializers = [];
    private readonly List<Action<ProtoWriter>> _inputs = [];
    private readonly List<Action<ProtoWriter>> _outputs = [];

    /// <summary>An int64 input of shape [batch, tokens].</summary>
    public OnnxGraph TokenInput(string name)
    {
        _inputs.Add(ValueInfo(name, Int64Type, ["batch", "tokens"]));
        return this;
    }

    /// <summary>A float output; a dimension is a name (symbolic) or a number given as text.</summary>
    public OnnxGraph FloatOutput(string name, params string[] dimensions)
    {
        _outputs.Add(ValueInfo(name, FloatType, dimensions));
        return this;
    }

    public OnnxGraph FloatInitializer(string name, int[] dimensions, float[] values) =>
        Initializer(name, FloatType, dimensions, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public OnnxGraph Int64Initializer(string name, long[] values) =>
        Initializer(name, Int64Type, [values.Length], MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    /// <summary>A node: its operator, inputs, one output, and int attributes.</summary>
    public OnnxGraph Node(string op, string[] inputs, string output, params (string Name, long Value)[] attributes)
    {
        var name = $"{op}_{_nodes.Count}";
        _nodes.Add(node =>
        {
            foreach (var input in inputs)
            {
                node.String(1, input);
            }

            node.String(2, output).String(3, name).String(4, op);
            foreach (var (attribute, value) in attributes)
            {
                node.Message(5, a => a.String(1, attribute).Varint(3, value).Varint(20, 2));
            }
        });
        return this;
    }

    public void Save(string path)
    {
        var model = new ProtoWriter()
            .Varint(1, 8)
            .String(2, "Store.Testing")
            .Message(7, graph =>
            {
                _nodes.ForEach(n => graph.Message(1, n));
                graph.String(2, "test_model");
                _initializers.ForEach(i => graph.Message(5, i));
                _inputs.ForEach(i => graph.Message(11, i));
                _outputs.ForEach(o => graph.Message(12, o));
            })
            .Message(8, opset => opset.String(1, "").Varint(2, 13));
        File.WriteAllBytes(path, model.ToArray());
    }

    private OnnxGraph Initializer(string name, int dataType, int[] dimensions, byte[] raw)
    {
        _initializers.Add(tensor =>
        {
            foreach (var dimension in dimensions)
            {
                tensor.Varint(1, dimension);
            }

            tensor.Varint(2, dataType).String(8, name).Bytes(9, raw);
        });
        return this;
    }

    private static Action<ProtoWriter> ValueInfo(string name, int elementType, string[] dimensions) => info => info
        .String(1, name)
        .Message(2, type => type.Message(1, tensor => tensor
            .Varint(1, elementType)
            .Message(2, shape =>
            {
                foreach (var dimension in dimensions)
                {
                    shape.Message(1, d =>
                    {
                        if (long.TryParse(dimension, out var size))
                        {
                            d.Varint(1, size);
                        }
                        else
                        {
                            d.String(2, dimension);
                        }
                    });
                }
            })));
}
