using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;
using PinterestAds.Contract.OpenApi30;

namespace PinterestAds.Contract
{
    /// <summary>
    /// The spec with its request schemas translated (<see cref="SchemaTranslator"/>), registered with JsonSchema.Net so
    /// every schema of it can be built on its own: translated references are absolute, into this document.
    /// </summary>
    internal sealed class SpecDocument
    {
        private const string SpecUri = "https://pinterestads.invalid/contract/openapi.json";
        private readonly BuildOptions _buildOptions;
        private int _built;

        public SpecDocument(JsonObject spec)
        {
            SchemaTranslator.TranslateRequestSchemas(spec, SpecUri);
            Root = JsonSerializer.SerializeToElement(spec);
            var registry = new SchemaRegistry();
            registry.Register(new Uri(SpecUri), new JsonElementBaseDocument(Root, new Uri(SpecUri)));
            _buildOptions = new BuildOptions { SchemaRegistry = registry, Dialect = OpenApi30Dialect.Dialect };
        }

        /// <summary>The translated spec.</summary>
        public JsonElement Root { get; }

        /// <summary>Builds a schema (translated, or composed from translated parts) for evaluation.</summary>
        public JsonSchema Build(JsonNode schema)
            => JsonSchema.Build(JsonSerializer.SerializeToElement(schema), _buildOptions, new Uri(SpecUri + "/built/" + System.Threading.Interlocked.Increment(ref _built)));

        /// <summary>Follows a local (<c>#/components/...</c>) or translated absolute reference; null when it leads nowhere.</summary>
        public JsonElement? Resolve(string reference)
        {
            string local = reference.StartsWith(SpecUri, StringComparison.Ordinal) ? reference.Substring(SpecUri.Length) : reference;
            return local.StartsWith("#", StringComparison.Ordinal) && JsonPointer.TryParse(local.Substring(1), out JsonPointer pointer) ? pointer.Evaluate(Root) : null;
        }

        /// <summary>The element itself, or where its <c>$ref</c> leads.</summary>
        public JsonElement Dereference(JsonElement element)
        {
            for (int hops = 0; hops < 8 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out JsonElement reference); hops++)
            {
                JsonElement? target = Resolve(reference.GetString() ?? string.Empty);
                if (target == null) break;
                element = target.Value;
            }

            return element;
        }
    }
}
