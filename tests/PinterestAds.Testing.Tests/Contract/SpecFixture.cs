using System.Text.Json;
using PinterestAds.Testing.Contract;

namespace PinterestAds.Testing.Tests.Contract;

/// <summary>
/// Locates the real Pinterest spec once per test run: $env:PINTEREST_OPENAPI_SPEC, else
/// shared/pinterest-api/openapi.json beside the repository (found by walking up from the test assembly
/// to the folder holding PinterestAds.sln).
/// </summary>
public static class SpecLocation
{
    /// <summary>Full spec path, or null when not found.</summary>
    public static readonly string? Path = Locate();

    /// <summary>True when the spec file exists.</summary>
    public static bool Exists => Path != null && File.Exists(Path);

    /// <summary>CI=true (or 1): a missing spec must fail, not skip.</summary>
    public static bool IsCI
    {
        get
        {
            string? ci = Environment.GetEnvironmentVariable("CI");
            return string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || ci == "1";
        }
    }

    /// <summary>Why the spec is unavailable (for skip/fail messages).</summary>
    public static string MissingMessage =>
        "Pinterest OpenAPI spec not found (set $env:" + OpenApiSpecLocator.EnvironmentVariable
        + " or place shared/pinterest-api/openapi.json beside the repository)"
        + (Path != null ? "; looked at " + Path : string.Empty);

    private static string? Locate() => OpenApiSpecLocator.Find(AppContext.BaseDirectory);
}

/// <summary>
/// A fact that needs the real spec: skipped (visibly) when the spec is missing, unless CI=true,
/// in which case the test runs and fails in <see cref="SpecFixture.Contract"/>.
/// </summary>
public sealed class SpecFactAttribute : FactAttribute
{
    public SpecFactAttribute()
    {
        if (!SpecLocation.Exists && !SpecLocation.IsCI)
        {
            Skip = SpecLocation.MissingMessage;
        }
    }
}

/// <summary>Shares one parsed spec across all contract tests (OpenApiContract.Load also caches per path).</summary>
public sealed class SpecFixture
{
    private readonly Lazy<OpenApiContract> _contract = new(() =>
    {
        if (!SpecLocation.Exists)
        {
            throw new FileNotFoundException((SpecLocation.IsCI ? "CI=true: " : string.Empty) + SpecLocation.MissingMessage);
        }

        return OpenApiContract.Load(SpecLocation.Path!);
    });

    private readonly Lazy<JsonDocument> _document = new(() => JsonDocument.Parse(File.ReadAllBytes(SpecLocation.Path!)));

    public OpenApiContract Contract => _contract.Value;

    /// <summary>The raw spec (for sweeps over all paths); parsed on first use.</summary>
    public JsonElement Root
    {
        get
        {
            _ = Contract; // fails with the proper message when the spec is missing
            return _document.Value.RootElement;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SpecCollection : ICollectionFixture<SpecFixture>
{
    public const string Name = "Pinterest OpenAPI spec";
}
