using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinterestAds.Contract
{
    /// <summary>
    /// Checks requests against Pinterest's OpenAPI 3.0 description: finds the operation for a method and path, then
    /// validates the path parameters, the query parameters and the body (JSON or form) with JsonSchema.Net, over
    /// schemas translated from OpenAPI 3.0 (see <see cref="OpenApi30.SchemaTranslator"/>).
    /// </summary>
    /// <remarks>
    /// Why JsonSchema.Net alone rather than Microsoft.OpenApi's reader in front of it (measured on Pinterest's 2 MB spec,
    /// fresh processes on the same machine): Microsoft.OpenApi 2.13 took 0.8-1.6 s to read the spec and 0.5 s more to
    /// write it out as 3.1 before JsonSchema.Net had seen a schema, where parsing and translating here takes 1.0-1.5 s
    /// in all; and its 3.0-to-3.1 upgrade drops <c>nullable</c> from <c>{allOf: [{$ref}], nullable: true}</c>, the way
    /// Pinterest writes nullable enums, so null would be refused where the spec allows it. What it would have taken off
    /// our hands (parameter style defaults, boolean exclusive bounds) is a few lines; the discriminator, oneOf and
    /// readOnly rules would still be ours. Requests come in as plain strings: in the tests' pwsh the module's
    /// System.Text.Json is another assembly than the one this library is built on.
    /// </remarks>
    /// <example>
    /// <code>
    /// $contract = [PinterestAds.Contract.OpenApiContract]::Load($specPath)
    /// $result = $contract.Validate('POST', '/v5/ad_accounts/1/campaigns', $null, $json, 'application/json')
    /// $result.IsValid; $result.ToString()
    /// </code>
    /// </example>
    public sealed class OpenApiContract
    {
        private static readonly ConcurrentDictionary<string, Lazy<OpenApiContract>> Loaded = new ConcurrentDictionary<string, Lazy<OpenApiContract>>(StringComparer.Ordinal);
        private readonly SpecDocument _spec;
        private readonly StringValues _values;
        private readonly RouteTable _routes;
        private readonly ConcurrentDictionary<string, Operation> _operations = new ConcurrentDictionary<string, Operation>(StringComparer.Ordinal);

        private OpenApiContract(string specPath)
        {
            JsonObject document = JsonNode.Parse(File.ReadAllBytes(specPath), documentOptions: new JsonDocumentOptions { MaxDepth = 512 }) as JsonObject
                ?? throw new InvalidDataException("'" + specPath + "' is not a JSON object; is it an OpenAPI 3 document?");
            _spec = new SpecDocument(document);
            if (!_spec.Root.TryGetProperty("paths", out JsonElement paths) || paths.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("'" + specPath + "' has no 'paths' object; is it an OpenAPI 3 document?");
            }

            _values = new StringValues(new SchemaShape(_spec));
            _routes = new RouteTable(paths);
            BasePath = RequestTarget.BasePathOf(_spec.Root);
        }

        /// <summary>Server base path stripped from request paths (from <c>servers[0].url</c>, e.g. <c>/v5</c>).</summary>
        public string BasePath { get; }

        /// <summary>All path templates of the spec.</summary>
        public IReadOnlyList<string> PathTemplates => _routes.Templates;

        /// <summary>Loads an OpenAPI 3.0 JSON document, once per full path and process.</summary>
        public static OpenApiContract Load(string specPath)
        {
            if (string.IsNullOrWhiteSpace(specPath)) throw new ArgumentException("A spec path is required.", nameof(specPath));
            string full = Path.GetFullPath(specPath);
            if (!File.Exists(full)) throw new FileNotFoundException("OpenAPI spec not found: " + full, full);
            Lazy<OpenApiContract> entry = Loaded.GetOrAdd(full, path => new Lazy<OpenApiContract>(() => new OpenApiContract(path)));
            try
            {
                return entry.Value;
            }
            catch
            {
                // A failed load is not kept: the next call reads the file again.
                Loaded.TryRemove(new KeyValuePair<string, Lazy<OpenApiContract>>(full, entry));
                throw;
            }
        }

        /// <summary>
        /// The operation <paramref name="method"/> and <paramref name="path"/> go to (base path optional, query string and
        /// absolute URLs accepted); null when no path template matches or the best match lacks the method.
        /// </summary>
        public ContractOperation? FindOperation(string method, string path)
        {
            method = (method ?? string.Empty).Trim().ToUpperInvariant();
            Route? route = _routes.Match(RequestTarget.Parse(path ?? string.Empty, null, BasePath).RelativePath, out Dictionary<string, string> values);
            Operation? operation = route == null ? null : OperationOf(route, method);
            return operation == null ? null : new ContractOperation(method, route!.Template, operation.OperationId, values);
        }

        /// <summary>Validates one request.</summary>
        /// <param name="method">HTTP method, any case.</param>
        /// <param name="path">Request path such as <c>/v5/ad_accounts/1/campaigns</c>; may carry a query string or be an absolute URL.</param>
        /// <param name="query">Raw query string (leading <c>?</c> optional); null or empty for none.</param>
        /// <param name="body">Raw body; null or empty for none.</param>
        /// <param name="contentType">Content-Type (parameters such as charset ignored); null means JSON when the operation takes it.</param>
        public ContractResult Validate(string method, string path, string? query, string? body, string? contentType)
        {
            method = (method ?? string.Empty).Trim().ToUpperInvariant();
            path ??= string.Empty;
            var violations = new List<ContractViolation>();
            RequestTarget target = RequestTarget.Parse(path, query, BasePath);
            Route? route = _routes.Match(target.RelativePath, out Dictionary<string, string> pathValues);
            if (route == null)
            {
                violations.Add(new ContractViolation("route", string.Empty, "no path in the spec matches '" + target.RelativePath + "'" + (BasePath.Length > 0 ? " (after removing the base path " + BasePath + ")" : string.Empty)));
                return new ContractResult(method, path, null, null, violations);
            }

            Operation? operation = OperationOf(route, method);
            if (operation == null)
            {
                violations.Add(new ContractViolation("route", string.Empty, method + " is not defined for " + route.Template + " (defined: " + string.Join(", ", route.DefinedMethods) + ")"));
                return new ContractResult(method, path, route.Template, null, violations);
            }

            operation.Validate(pathValues, target.Query, body, contentType, violations);
            return new ContractResult(method, path, route.Template, operation.OperationId, violations);
        }

        private Operation? OperationOf(Route route, string method)
        {
            if (!route.PathItem.TryGetProperty(method.ToLowerInvariant(), out JsonElement operation) || operation.ValueKind != JsonValueKind.Object) return null;
            return _operations.GetOrAdd(method + " " + route.Template, _ => new Operation(_spec, _values, route, operation));
        }
    }
}
