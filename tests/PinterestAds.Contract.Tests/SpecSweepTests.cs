using System.Text.Json;
using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

/// <summary>Every operation of Pinterest's spec can be validated: the translated schemas all build and evaluate.</summary>
[Collection(SpecCollection.Name)]
public sealed class SpecSweepTests
{
    private readonly SpecFixture _spec;

    public SpecSweepTests(SpecFixture spec) => _spec = spec;

    private static string Concrete(string template) => "/v5" + template.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);

    private IEnumerable<(string Template, JsonProperty Operation)> Operations()
        => _spec.Root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(p => p.Name != "parameters").Select(op => (path.Name, op)));

    [SpecFact]
    public void EveryOperationValidatesWithoutThrowing()
    {
        OpenApiContract c = _spec.Contract;
        int operations = 0;
        int refused = 0;
        foreach (var (template, op) in Operations())
        {
            operations++;
            foreach (string? body in new[] { null, "{}", "[]", "[{}]", "{\"a\":null}" })
            {
                ContractResult r = c.Validate(op.Name, Concrete(template), "x=1", body, null);
                Assert.Equal(template, r.PathTemplate);
                Assert.NotNull(r.ToString());
                // "x" is declared by no operation: every request here breaks the contract somewhere.
                Assert.Contains(r.Violations, v => v.Location == "query" && v.JsonPointer == "/x");
                if (r.Violations.Any(v => v.Location == "body")) refused++;
            }
        }

        Assert.True(operations > 200, "only " + operations + " operations");
        Assert.True(refused > operations, "only " + refused + " of the sweep's bodies were refused");
    }

    [SpecFact]
    public void SpecRequestExamplesValidate()
    {
        // The only request-body examples in the spec are the catalog product group ones.
        OpenApiContract c = _spec.Contract;
        int checkedExamples = 0;
        foreach (var (template, op) in Operations())
        {
            if (!op.Value.TryGetProperty("requestBody", out JsonElement rb) || !rb.TryGetProperty("content", out JsonElement content)) continue;
            if (!content.TryGetProperty("application/json", out JsonElement media) || !media.TryGetProperty("examples", out JsonElement examples)) continue;
            foreach (JsonProperty example in examples.EnumerateObject().Where(e => e.Value.TryGetProperty("value", out _)))
            {
                string value = example.Value.GetProperty("value").GetRawText();
                ContractResult r = c.Validate(op.Name, Concrete(template), null, value, "application/json");
                Assert.True(r.Violations.All(v => v.Location != "body"), example.Name + ": " + r);
                // The same example one level too deep is not what the operation takes.
                Assert.Contains(c.Validate(op.Name, Concrete(template), null, "[" + value + "]", "application/json").Violations, v => v.Location == "body");
                checkedExamples++;
            }
        }

        Assert.True(checkedExamples > 0);
    }
}
