using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

/// <summary>
/// Where OpenAPI 3.0 differs from the JSON Schema that JsonSchema.Net evaluates, on a small spec of our own (so these
/// run without Pinterest's): each rule with a request it admits and one it refuses.
/// </summary>
public sealed class OpenApi30SemanticsTests : IClassFixture<OpenApi30SemanticsTests.MiniSpec>
{
    private const string Json = "application/json";
    private readonly OpenApiContract _contract;

    public OpenApi30SemanticsTests(MiniSpec spec) => _contract = spec.Contract;

    private ContractResult Post(string body) => _contract.Validate("POST", "/v1/things", null, body, Json);

    [Fact]
    public void NullableAdmitsNullEvenThroughANonNullableReference()
    {
        ContractAssert.Valid(Post("{\"color\":null,\"note\":null}"));
        ContractAssert.Valid(Post("{\"color\":\"red\"}"));
        ContractAssert.Violation(Post("{\"color\":\"purple\"}"), "body", "/color", "\"purple\"", "red, green");
        ContractAssert.Violation(Post("{\"note\":5}"), "body", "/note", "expected string but found number 5");
        ContractAssert.Violation(Post("{\"size\":null}"), "body", "/size", "expected integer but found null");
    }

    [Fact]
    public void AnEnumListingNullAdmitsNull()
    {
        ContractAssert.Valid(Post("{\"shade\":null}"));
        ContractAssert.Violation(Post("{\"shade\":\"pale\"}"), "body", "/shade", "\"pale\"", "dark");
    }

    [Fact]
    public void SiblingsOfAReferenceAreIgnored()
    {
        // {"$ref": Color, "nullable": true}: in 3.0 the reference replaces the object, nullable included.
        ContractAssert.Violation(Post("{\"tint\":null}"), "body", "/tint", "expected string but found null");
        ContractAssert.Valid(Post("{\"tint\":\"green\"}"));
    }

    [Fact]
    public void BooleanExclusiveBoundsExcludeTheBound()
    {
        ContractAssert.Valid(Post("{\"score\":0.5}"));
        ContractAssert.Valid(Post("{\"score\":1}"));
        ContractAssert.Violation(Post("{\"score\":0}"), "body", "/score", "0");
        ContractAssert.Violation(Post("{\"score\":1.5}"), "body", "/score", "1.5");
        ContractAssert.Valid(Post("{\"ratio\":0}"));
        ContractAssert.Violation(Post("{\"ratio\":10}"), "body", "/ratio", "10");
    }

    [Fact]
    public void ExampleIsNotARule()
    {
        // The note's example is a number; a string note is still right, a number still wrong.
        ContractAssert.Valid(Post("{\"note\":\"hello\"}"));
        ContractAssert.Violation(Post("{\"note\":42}"), "body", "/note", "expected string");
    }

    [Fact]
    public void OneOfWithoutDiscriminatorAdmitsAValueBothBranchesMatch()
    {
        ContractAssert.Valid(Post("{\"label\":{\"text\":\"a\",\"lang\":\"en\"}}"));
        ContractAssert.Violation(Post("{\"label\":{\"lang\":\"en\"}}"), "body", "/label", "none of the 2 alternatives");
        // Only one branch is an object: its own violation is reported, not a summary.
        ContractAssert.Violation(Post("{\"id_or_ref\":{\"ref\":5}}"), "body", "/id_or_ref/ref", "expected string");
    }

    [Fact]
    public void DiscriminatorSelectsTheMappedSchema()
    {
        ContractAssert.Valid(Post("{\"shape\":{\"kind\":\"circle\",\"radius\":2}}"));
        ContractAssert.Valid(Post("{\"shape\":{\"kind\":\"Square\",\"side\":2}}"));
        ContractAssert.Violation(Post("{\"shape\":{\"kind\":\"circle\",\"side\":2}}"), "body", "/shape", "Required", "\"radius\"");
        ContractAssert.Violation(Post("{\"shape\":{\"kind\":\"hexagon\"}}"), "body", "/shape/kind", "\"hexagon\"", "allowed values: circle, Square");
        ContractAssert.Violation(Post("{\"shape\":{\"radius\":2}}"), "body", "/shape", "Required", "\"kind\"");
    }

    [Fact]
    public void ReadOnlyPropertiesAreNeitherRequiredNorAllowed()
    {
        ContractAssert.Valid(Post("{\"name\":\"x\"}"));
        ContractAssert.Violation(Post("{\"id\":\"1\"}"), "body", "/id", "readOnly");
        ContractAssert.Violation(Post("{\"created\":null}"), "body", "/created", "readOnly");
    }

    [Fact]
    public void PatternsAreEcmaScript()
    {
        ContractAssert.Valid(Post("{\"code\":\"123\"}"));
        // ECMA's $ (no m flag) does not match before a final newline; \d is [0-9], not any Unicode digit.
        ContractAssert.Violation(Post("{\"code\":\"123\\n\"}"), "body", "/code", "pattern ^\\d+$");
        ContractAssert.Violation(Post("{\"code\":\"\u0661\u0662\"}"), "body", "/code", "pattern");
        // A pattern is a search, not a whole-string match, unless it is anchored.
        ContractAssert.Valid(Post("{\"tag\":\"v1\"}"));
        ContractAssert.Violation(Post("{\"tag\":\"v\"}"), "body", "/tag", "pattern \\d");
    }

    [Fact]
    public void IntegerFormatsAreRanges()
    {
        ContractAssert.Valid(Post("{\"size\":2147483647}"));
        ContractAssert.Violation(Post("{\"size\":2147483648}"), "body", "/size", "int32");
        ContractAssert.Valid(Post("{\"ratio\":1.5}"));
    }

    [Fact]
    public void QueryArraysFollowExplode()
    {
        ContractAssert.Valid(_contract.Validate("GET", "/v1/things", "ids=1&ids=2&fields=a,b", null, null));
        // ids explodes (one value per occurrence), fields does not (one comma-joined value).
        ContractAssert.Violation(_contract.Validate("GET", "/v1/things", "ids=1,2", null, null), "query", "/ids/0", "pattern");
        ContractAssert.Violation(_contract.Validate("GET", "/v1/things", "fields=a,z", null, null), "query", "/fields/1", "\"z\"");
        ContractAssert.Violation(_contract.Validate("GET", "/v1/things", "limit=1.5", null, null), "query", "/limit", "integer");
    }

    /// <summary>The small spec, written to a file once for the class.</summary>
    public sealed class MiniSpec : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), "pinterestads-contract-" + Guid.NewGuid().ToString("N") + ".json");

        public MiniSpec()
        {
            File.WriteAllText(_path, Spec);
            Contract = OpenApiContract.Load(_path);
        }

        public OpenApiContract Contract { get; }

        public void Dispose() => File.Delete(_path);

        private const string Spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "mini", "version": "1" },
              "servers": [ { "url": "https://example.invalid/v1" } ],
              "paths": {
                "/things": {
                  "get": {
                    "operationId": "things/list",
                    "parameters": [
                      { "name": "ids", "in": "query", "schema": { "type": "array", "items": { "type": "string", "pattern": "^\\d+$" } } },
                      { "name": "fields", "in": "query", "explode": false, "schema": { "type": "array", "items": { "type": "string", "enum": ["a", "b"] } } },
                      { "name": "limit", "in": "query", "schema": { "type": "integer" } }
                    ]
                  },
                  "post": {
                    "operationId": "things/create",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Color": { "type": "string", "enum": ["red", "green"] },
                  "Thing": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                      "id": { "type": "string", "readOnly": true },
                      "created": { "type": "string", "nullable": true, "readOnly": true },
                      "name": { "type": "string" },
                      "color": { "allOf": [ { "$ref": "#/components/schemas/Color" } ], "nullable": true },
                      "tint": { "$ref": "#/components/schemas/Color", "nullable": true },
                      "shade": { "type": "string", "enum": ["dark", null] },
                      "note": { "type": "string", "nullable": true, "example": 42 },
                      "size": { "type": "integer", "format": "int32" },
                      "score": { "type": "number", "format": "double", "minimum": 0, "exclusiveMinimum": true, "maximum": 1 },
                      "ratio": { "type": "number", "minimum": 0, "maximum": 10, "exclusiveMaximum": true, "exclusiveMinimum": false },
                      "code": { "type": "string", "pattern": "^\\d+$" },
                      "tag": { "type": "string", "pattern": "\\d" },
                      "label": { "oneOf": [
                        { "type": "object", "required": ["text"], "properties": { "text": { "type": "string" } } },
                        { "type": "object", "required": ["text", "lang"], "properties": { "text": { "type": "string" }, "lang": { "type": "string" } } }
                      ] },
                      "id_or_ref": { "oneOf": [
                        { "type": "string" },
                        { "type": "object", "properties": { "ref": { "type": "string" } } }
                      ] },
                      "shape": { "$ref": "#/components/schemas/Shape" }
                    }
                  },
                  "Shape": {
                    "type": "object",
                    "properties": { "kind": { "type": "string" } },
                    "discriminator": { "propertyName": "kind", "mapping": { "circle": "Circle" } },
                    "oneOf": [ { "$ref": "#/components/schemas/Circle" }, { "$ref": "#/components/schemas/Square" } ]
                  },
                  "Circle": { "type": "object", "required": ["kind", "radius"], "properties": { "kind": { "type": "string" }, "radius": { "type": "number" } } },
                  "Square": { "type": "object", "required": ["kind", "side"], "properties": { "kind": { "type": "string" }, "side": { "type": "number" } } }
                }
              }
            }
            """;
    }
}
