using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Request-side contract check against Pinterest's OpenAPI 3.0 description: finds the operation for a
    /// method + path, then validates path parameters, query parameters and the request body (JSON or
    /// <c>application/x-www-form-urlencoded</c>) against the spec's schemas.
    /// </summary>
    /// <example>
    /// PowerShell:
    /// <code>
    /// $c = [PinterestAds.Testing.Contract.OpenApiContract]::Load($path)
    /// $r = $c.Validate('POST', '/v5/ad_accounts/1/campaigns', $null, $json, 'application/json')
    /// $r.IsValid; $r.ToString(); $r.ThrowIfInvalid()
    /// </code>
    /// </example>
    public sealed class OpenApiContract
    {
        /// <summary>Environment variable naming the spec file (same as <see cref="OpenApiSpecLocator.EnvironmentVariable"/>).</summary>
        public const string EnvironmentVariable = OpenApiSpecLocator.EnvironmentVariable;

        // Owns the buffers every JsonElement of the spec (routes, schemas) points into.
        private readonly JsonDocument _document;
        private readonly RouteTable _routes;
        private readonly SchemaRefResolver _refs;
        private readonly PathParameterValidator _pathParameters;
        private readonly QueryParameterValidator _queryParameters;
        private readonly RequestBodyValidator _body;

        private OpenApiContract(string specPath)
        {
            SpecPath = specPath;
            _document = JsonDocument.Parse(File.ReadAllBytes(specPath), new JsonDocumentOptions { MaxDepth = 512, CommentHandling = JsonCommentHandling.Skip });
            JsonElement root = _document.RootElement;
            Version = root.TryGetProperty("info", out JsonElement info) ? info.GetStringOrEmpty("version") : string.Empty;
            BasePath = RequestTarget.BasePathOf(root);
            if (!root.TryGetObject("paths", out JsonElement paths))
            {
                throw new InvalidDataException("'" + specPath + "' has no 'paths' object; is it an OpenAPI 3 document?");
            }

            _routes = new RouteTable(paths);
            _refs = new SchemaRefResolver(root);
            var shape = new SchemaShape(_refs);
            var validator = new SchemaValidator(_refs, shape);
            var coercer = new ValueCoercer(shape);
            _pathParameters = new PathParameterValidator(validator, coercer);
            _queryParameters = new QueryParameterValidator(validator, coercer);
            _body = new RequestBodyValidator(validator, _refs, coercer);
        }

        /// <summary>Full path of the loaded spec file.</summary>
        public string SpecPath { get; }

        /// <summary><c>info.version</c> of the spec.</summary>
        public string Version { get; }

        /// <summary>Server base path stripped from request paths (from <c>servers[0].url</c>, e.g. <c>/v5</c>; empty when none).</summary>
        public string BasePath { get; }

        /// <summary>All path templates of the spec.</summary>
        public IReadOnlyList<string> PathTemplates => _routes.Templates;

        // ------------------------------------------------------------------ loading

        /// <summary>Loads (and caches per full path; reparsed only when the file changes) an OpenAPI 3.0 JSON document.</summary>
        public static OpenApiContract Load(string specPath)
        {
            if (string.IsNullOrWhiteSpace(specPath)) throw new ArgumentException("A spec path is required.", nameof(specPath));
            string full = Path.GetFullPath(specPath);
            if (!File.Exists(full)) throw new FileNotFoundException("OpenAPI spec not found: " + full, full);
            return SpecCache.GetOrLoad(full, path => new OpenApiContract(path));
        }

        /// <summary>Loads the spec named by <c>$env:PINTEREST_OPENAPI_SPEC</c>, else found by <see cref="OpenApiSpecLocator"/>.</summary>
        public static OpenApiContract FromEnvironment() => FromEnvironment(null);

        /// <summary>
        /// Loads the spec named by <c>$env:PINTEREST_OPENAPI_SPEC</c>; when unset, <paramref name="fallbackPath"/>;
        /// when that is null/empty too, the spec found by <see cref="OpenApiSpecLocator.Find"/> (walking up from the
        /// current directory to <c>shared/pinterest-api/openapi.json</c> beside the repository).
        /// </summary>
        /// <exception cref="FileNotFoundException">No spec could be found.</exception>
        public static OpenApiContract FromEnvironment(string? fallbackPath)
        {
            string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(env)) return Load(env!.Trim());
            if (!string.IsNullOrWhiteSpace(fallbackPath)) return Load(fallbackPath!);
            string? found = OpenApiSpecLocator.Find();
            if (found == null)
            {
                throw new FileNotFoundException("Pinterest OpenAPI spec not found: set $env:" + EnvironmentVariable + " or pass a fallback path (looked for " + OpenApiSpecLocator.SharedRelativePath + " above " + Directory.GetCurrentDirectory() + ").");
            }

            return Load(found);
        }

        // ------------------------------------------------------------------ routing

        /// <summary>
        /// Finds the operation for <paramref name="method"/> and <paramref name="path"/> (base path <c>/v5</c> optional,
        /// query string and absolute URLs accepted). Literal segments beat template segments, leftmost first.
        /// Returns null when no path template matches or the best match lacks the method.
        /// </summary>
        public ContractOperation? FindOperation(string method, string path)
        {
            RequestTarget target = RequestTarget.Parse(path, null, BasePath);
            Route? route = _routes.Match(target.RelativePath, out Dictionary<string, string> values);
            if (route == null || !route.PathItem.TryGetProperty((method ?? string.Empty).ToLowerInvariant(), out JsonElement op)) return null;
            return new ContractOperation((method ?? string.Empty).ToUpperInvariant(), route.Template, OperationId(op), values);
        }

        // ------------------------------------------------------------------ validation

        /// <summary>Validates one request with <see cref="ContractValidationOptions.Default"/>.</summary>
        /// <param name="method">HTTP method (any case).</param>
        /// <param name="path">Request path, e.g. <c>/v5/ad_accounts/123/campaigns</c>; may carry a query string or be an absolute URL.</param>
        /// <param name="query">Raw query string (leading <c>?</c> optional); null/empty for none.</param>
        /// <param name="body">Raw body; null/empty for none.</param>
        /// <param name="contentType">Content-Type (parameters such as charset are ignored); null = JSON when the operation accepts JSON.</param>
        public ContractResult Validate(string method, string path, string? query, string? body, string? contentType)
            => Validate(method, path, query, body, contentType, ContractValidationOptions.Default);

        /// <summary>Validates one request.</summary>
        public ContractResult Validate(ContractRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return Validate(request.Method, request.Path, request.Query, request.Body, request.ContentType, ContractValidationOptions.Default);
        }

        /// <summary>Validates one request with explicit options.</summary>
        public ContractResult Validate(string method, string path, string? query, string? body, string? contentType, ContractValidationOptions options)
        {
            options ??= ContractValidationOptions.Default;
            method = (method ?? string.Empty).Trim().ToUpperInvariant();
            path ??= string.Empty;
            var errors = new List<ContractViolation>();

            RequestTarget target = RequestTarget.Parse(path, query, BasePath);
            Route? route = _routes.Match(target.RelativePath, out Dictionary<string, string> pathValues);
            if (route == null)
            {
                errors.Add(new ContractViolation("route", string.Empty, "no path in the spec matches '" + target.RelativePath + "'" + (BasePath.Length > 0 ? " (after removing the base path " + BasePath + ")" : string.Empty)));
                return new ContractResult(method, path, null, null, errors);
            }

            if (!route.PathItem.TryGetObject(method.ToLowerInvariant(), out JsonElement operation))
            {
                errors.Add(new ContractViolation("route", string.Empty, method + " is not defined for " + route.Template + " (defined: " + string.Join(", ", route.DefinedMethods) + ")"));
                return new ContractResult(method, path, route.Template, null, errors);
            }

            string? operationId = OperationId(operation);
            string operationName = operationId ?? route.Template;
            List<OperationParameter> parameters = OperationParameter.Collect(_refs, route.PathItem, operation);
            _pathParameters.Validate(parameters, pathValues, errors, options);
            _queryParameters.Validate(parameters, target.Query, operationName, errors, options);
            _body.Validate(operation, body, contentType, operationName, errors, options);
            return new ContractResult(method, path, route.Template, operationId, errors);
        }

        /// <summary>Validates many requests; returns only the failures.</summary>
        public IReadOnlyList<ContractResult> ValidateAll(IEnumerable<(string Method, string Path, string? Query, string? Body, string? ContentType)> requests)
        {
            if (requests == null) throw new ArgumentNullException(nameof(requests));
            return requests.Select(r => Validate(r.Method, r.Path, r.Query, r.Body, r.ContentType)).Where(r => !r.IsValid).ToList();
        }

        /// <summary>Validates many requests; returns only the failures (PowerShell-friendly overload).</summary>
        public IReadOnlyList<ContractResult> ValidateAll(IEnumerable<ContractRequest> requests)
        {
            if (requests == null) throw new ArgumentNullException(nameof(requests));
            return requests.Select(Validate).Where(r => !r.IsValid).ToList();
        }

        /// <summary>
        /// Validates many requests; returns only the failures. Array overload so PowerShell can call
        /// <c>$c.ValidateAll(@([ContractRequest]@{ Method='POST'; Path='/v5/media'; Body='{}' }, ...))</c>.
        /// </summary>
        public IReadOnlyList<ContractResult> ValidateAll(params ContractRequest[] requests)
            => ValidateAll((IEnumerable<ContractRequest>)requests);

        private static string? OperationId(JsonElement operation) => operation.TryGetString("operationId", out string id) ? id : null;
    }
}
