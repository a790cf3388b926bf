using System.Text.Json;
using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

/// <summary>
/// Pinterest's spec, found once per run: $env:PINTEREST_OPENAPI_SPEC, else shared/pinterest-api/openapi.json beside
/// the repository (the folder holding PinterestAds.sln, found by walking up from the test assembly).
/// </summary>
public static class SpecLocation
{
    public const string EnvironmentVariable = "PINTEREST_OPENAPI_SPEC";

    /// <summary>Full spec path, or null when neither the variable nor the repository is found.</summary>
    public static readonly string? Path = Locate();

    public static bool Exists => Path != null && File.Exists(Path);

    /// <summary>CI=true (or 1): a missing spec must fail, not skip.</summary>
    public static bool IsCI => Environment.GetEnvironmentVariable("CI") is string ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public static string MissingMessage =>
        "Pinterest OpenAPI spec not found (set $env:" + EnvironmentVariable + " or place shared/pinterest-api/openapi.json beside the repository)"
        + (Path != null ? "; looked at " + Path : string.Empty);

    private static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return System.IO.Path.GetFullPath(configured.Trim());
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PinterestAds.sln")) && dir.Parent != null)
            {
                return System.IO.Path.Combine(dir.Parent.FullName, "shared", "pinterest-api", "openapi.json");
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the real spec: skipped visibly when it is missing, except under CI=true, where it fails.</summary>
public sealed class SpecFactAttribute : FactAttribute
{
    public SpecFactAttribute()
    {
        if (!SpecLocation.Exists && !SpecLocation.IsCI) Skip = SpecLocation.MissingMessage;
    }
}

/// <summary>One loaded contract for all the tests (Load caches per path too), and the raw spec for sweeps.</summary>
public sealed class SpecFixture
{
    private readonly Lazy<OpenApiContract> _contract = new(() => SpecLocation.Exists
        ? OpenApiContract.Load(SpecLocation.Path!)
        : throw new FileNotFoundException((SpecLocation.IsCI ? "CI=true: " : string.Empty) + SpecLocation.MissingMessage));

    private readonly Lazy<JsonDocument> _document = new(() => JsonDocument.Parse(File.ReadAllBytes(SpecLocation.Path!)));

    public OpenApiContract Contract => _contract.Value;

    /// <summary>The spec as written (parsed on first use; fails with the proper message when it is missing).</summary>
    public JsonElement Root
    {
        get
        {
            _ = Contract;
            return _document.Value.RootElement;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SpecCollection : ICollectionFixture<SpecFixture>
{
    public const string Name = "Pinterest OpenAPI spec";
}
