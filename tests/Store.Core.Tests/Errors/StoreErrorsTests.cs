using System.Reflection;
using Store.Core.Errors;

namespace Store.Core.Tests.Errors;

/// <summary>
/// Checks that every <see cref="StoreErrors"/> factory fixes its error code and a well-formed
/// SQLSTATE, and that the factories carrying extra context (page, inner exception) keep it.
/// </summary>
public class StoreErrorsTests
{
    private static readonly Exception Cause = new IOException("disk on fire");

    public static TheoryData<string, ErrorCode> Factories => new()
    {
        { nameof(StoreErrors.Internal), ErrorCode.Internal },
        { nameof(StoreErrors.InvalidArgument), ErrorCode.InvalidArgument },
        { nameof(StoreErrors.Io), ErrorCode.IoError },
        { nameof(StoreErrors.Locked), ErrorCode.DatabaseLocked },
        { nameof(StoreErrors.ReadOnly), ErrorCode.ReadOnly },
        { nameof(StoreErrors.NotADatabase), ErrorCode.NotADatabase },
        { nameof(StoreErrors.UnsupportedFormat), ErrorCode.UnsupportedFormat },
        { nameof(StoreErrors.Corruption), ErrorCode.Corruption },
        { nameof(StoreErrors.Poisoned), ErrorCode.DatabasePoisoned },
        { nameof(StoreErrors.TransactionClosed), ErrorCode.TransactionClosed },
        { nameof(StoreErrors.ReadOnlyTransaction), ErrorCode.ReadOnlyTransaction },
        { nameof(StoreErrors.TooLarge), ErrorCode.TooLarge },
        { nameof(StoreErrors.TooComplex), ErrorCode.TooComplex },
        { nameof(StoreErrors.LogCorruption), ErrorCode.Corruption },
        { nameof(StoreErrors.LogMissing), ErrorCode.Corruption },
        { nameof(StoreErrors.NoTextIndex), ErrorCode.NotFound },
        { nameof(StoreErrors.AlreadyExists), ErrorCode.AlreadyExists },
        { nameof(StoreErrors.NotFound), ErrorCode.NotFound },
        { nameof(StoreErrors.DuplicateKey), ErrorCode.DuplicateKey },
        { nameof(StoreErrors.NotNullViolation), ErrorCode.ConstraintViolation },
        { nameof(StoreErrors.TypeMismatch), ErrorCode.TypeMismatch },
        { nameof(StoreErrors.Syntax), ErrorCode.SyntaxError },
        { nameof(StoreErrors.Busy), ErrorCode.DatabaseLocked },
        { nameof(StoreErrors.TransactionState), ErrorCode.TransactionState },
        { nameof(StoreErrors.UndefinedColumn), ErrorCode.NotFound },
        { nameof(StoreErrors.UndefinedFunction), ErrorCode.NotFound },
        { nameof(StoreErrors.AmbiguousColumn), ErrorCode.AmbiguousName },
        { nameof(StoreErrors.NotSupported), ErrorCode.NotSupported },
        { nameof(StoreErrors.MissingParameter), ErrorCode.MissingParameter },
        { nameof(StoreErrors.MalformedLiteral), ErrorCode.InvalidArgument },
        { nameof(StoreErrors.DimensionMismatch), ErrorCode.InvalidArgument },
        { nameof(StoreErrors.ModelFailed), ErrorCode.ModelFailed },
        { nameof(StoreErrors.DeviceUnavailable), ErrorCode.DeviceUnavailable },
        { nameof(StoreErrors.Located), ErrorCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_anyArguments_yieldsItsCodeAndAFiveCharacterSqlState(string factory, ErrorCode expected)
    {
        var error = Make(factory);

        Assert.Equal(expected, error.Code);
        Assert.Matches("^[0-9A-Z]{5}$", error.SqlState);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Factories_allPublicFactories_areCoveredByThisTest()
    {
        // A new factory fails here until it is added to Factories, so none goes unchecked.
        var declared = typeof(StoreErrors)
            .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);
        var covered = Factories.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(declared, covered);
    }

    [Fact]
    public void Corruption_page_carriesPageNumber()
    {
        var error = StoreErrors.Corruption(1234, "checksum mismatch");

        Assert.Equal(1234u, error.PageNumber);
        Assert.Contains("page 1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_position_carriesLineColumnAndCaret()
    {
        var error = StoreErrors.Syntax("unexpected `FORM`", "SELECT 1;\nSELECT a FORM t", 2, 10);

        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
        Assert.Equal("syntax error at line 2, column 10: unexpected `FORM`\nSELECT a FORM t\n         ^", error.Message);
    }

    [Fact]
    public void Located_error_keepsCodeAndAddsPositionAndCaret()
    {
        var error = StoreErrors.Located(StoreErrors.UndefinedColumn("nope"), "SELECT a,\n  nope FROM t", 2, 3);

        Assert.Equal(("42703", 2, 3), (error.SqlState, error.Line, error.Column));
        Assert.Equal("column 'nope' does not exist (line 2, column 3)\n  nope FROM t\n  ^", error.Message);
        Assert.Same(error, StoreErrors.Located(error, "other text", 9, 9));
    }

    [Fact]
    public void IoAndPoisoned_cause_keepItAsInnerException()
    {
        Assert.Same(Cause, StoreErrors.Io("read", "/tmp/db", Cause).InnerException);
        Assert.Same(Cause, StoreErrors.Poisoned(Cause).InnerException);
    }

    [Fact]
    public void InvalidArgument_detail_isPrefixedInMessage()
    {
        Assert.Equal("invalid argument: k must be positive", StoreErrors.InvalidArgument("k must be positive").Message);
    }

    private static StoreException Make(string factory) => factory switch
    {
        nameof(StoreErrors.Internal) => StoreErrors.Internal("unreachable branch"),
        nameof(StoreErrors.InvalidArgument) => StoreErrors.InvalidArgument("k must be positive"),
        nameof(StoreErrors.Io) => StoreErrors.Io("read", "/tmp/db", Cause),
        nameof(StoreErrors.Locked) => StoreErrors.Locked("/tmp/db"),
        nameof(StoreErrors.ReadOnly) => StoreErrors.ReadOnly("opened with ReadOnly = true"),
        nameof(StoreErrors.NotADatabase) => StoreErrors.NotADatabase("/tmp/db", "bad magic"),
        nameof(StoreErrors.UnsupportedFormat) => StoreErrors.UnsupportedFormat("/tmp/db", 9, 1),
        nameof(StoreErrors.Corruption) => StoreErrors.Corruption(7, "checksum mismatch"),
        nameof(StoreErrors.Poisoned) => StoreErrors.Poisoned(Cause),
        nameof(StoreErrors.TransactionClosed) => StoreErrors.TransactionClosed(),
        nameof(StoreErrors.ReadOnlyTransaction) => StoreErrors.ReadOnlyTransaction(),
        nameof(StoreErrors.TooLarge) => StoreErrors.TooLarge("key", 5000, 1024),
        nameof(StoreErrors.TooComplex) => StoreErrors.TooComplex("nested too deep"),
        nameof(StoreErrors.LogCorruption) => StoreErrors.LogCorruption("/tmp/db-wal", 3, "fails its checksum"),
        nameof(StoreErrors.LogMissing) => StoreErrors.LogMissing("/tmp/db-wal", "the log is missing"),
        nameof(StoreErrors.NoTextIndex) => StoreErrors.NoTextIndex("bm25", "docs", ["title"]),
        nameof(StoreErrors.AlreadyExists) => StoreErrors.AlreadyExists("table", "docs"),
        nameof(StoreErrors.NotFound) => StoreErrors.NotFound("table", "docs"),
        nameof(StoreErrors.DuplicateKey) => StoreErrors.DuplicateKey("docs", "(1)"),
        nameof(StoreErrors.NotNullViolation) => StoreErrors.NotNullViolation("docs", "body"),
        nameof(StoreErrors.TypeMismatch) => StoreErrors.TypeMismatch("value is Text, not Integer"),
        nameof(StoreErrors.ModelFailed) => StoreErrors.ModelFailed("arctic", "its package file is missing"),
        nameof(StoreErrors.DeviceUnavailable) => StoreErrors.DeviceUnavailable("cuda", "libcublasLt.so.13 not found", Cause),
        nameof(StoreErrors.Syntax) => StoreErrors.Syntax("unexpected `FORM`", "SELECT a FORM t", 1, 10),
        nameof(StoreErrors.Busy) => StoreErrors.Busy("/tmp/db", TimeSpan.FromSeconds(5)),
        nameof(StoreErrors.TransactionState) => StoreErrors.TransactionState("no open transaction"),
        nameof(StoreErrors.UndefinedColumn) => StoreErrors.UndefinedColumn("docs.nope"),
        nameof(StoreErrors.UndefinedFunction) => StoreErrors.UndefinedFunction("nosuch", 2),
        nameof(StoreErrors.AmbiguousColumn) => StoreErrors.AmbiguousColumn("id"),
        nameof(StoreErrors.NotSupported) => StoreErrors.NotSupported("index method 'hnsw'"),
        nameof(StoreErrors.MissingParameter) => StoreErrors.MissingParameter(":q"),
        nameof(StoreErrors.MalformedLiteral) => StoreErrors.MalformedLiteral("vector", "[1, x]", "'x' is not a number"),
        nameof(StoreErrors.DimensionMismatch) => StoreErrors.DimensionMismatch(3, 2),
        nameof(StoreErrors.Located) => StoreErrors.Located(StoreErrors.UndefinedColumn("nope"), "SELECT nope", 1, 8),
        _ => throw new ArgumentOutOfRangeException(nameof(factory), factory),
    };
}
