using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
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

        private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
        private static readonly ConcurrentDictionary<string, CacheEntry> Cache = new ConcurrentDictionary<string, CacheEntry>(StringComparer.Ordinal);

        private readonly JsonDocument _document;
        private readonly SchemaValidator _validator;
        private readonly List<Route> _routes = new List<Route>();

        private OpenApiContract(string specPath)
        {
            SpecPath = specPath;
            byte[] bytes = File.ReadAllBytes(specPath);
            _document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 512, CommentHandling = JsonCommentHandling.Skip });
            JsonElement root = _document.RootElement;
            _validator = new SchemaValidator(root);

            Version = root.TryGetProperty("info", out JsonElement info) && info.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() ?? string.Empty
                : string.Empty;
            BasePath = ReadBasePath(root);

            if (!root.TryGetProperty("paths", out JsonElement paths) || paths.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("'" + specPath + "' has no 'paths' object; is it an OpenAPI 3 document?");
            }

            foreach (JsonProperty path in paths.EnumerateObject())
            {
                _routes.Add(new Route(path.Name, path.Value));
            }
        }

        /// <summary>Full path of the loaded spec file.</summary>
        public string SpecPath { get; }

        /// <summary><c>info.version</c> of the spec.</summary>
        public string Version { get; }

        /// <summary>Server base path stripped from request paths (from <c>servers[0].url</c>, e.g. <c>/v5</c>; empty when none).</summary>
        public string BasePath { get; }

        /// <summary>The parsed spec document's root (read-only; kept alive by the cache).</summary>
        internal JsonElement Root => _document.RootElement;

        /// <summary>All path templates of the spec.</summary>
        public IReadOnlyList<string> PathTemplates => _routes.Select(r => r.Template).ToList();

        // ------------------------------------------------------------------ loading

        /// <summary>Loads (and caches per full path; reparsed only when the file changes) an OpenAPI 3.0 JSON document.</summary>
        public static OpenApiContract Load(string specPath)
        {
            if (string.IsNullOrWhiteSpace(specPath)) throw new ArgumentException("A spec path is required.", nameof(specPath));
            string full = Path.GetFullPath(specPath);
            if (!File.Exists(full)) throw new FileNotFoundException("OpenAPI spec not found: " + full, full);
            DateTime stamp = File.GetLastWriteTimeUtc(full);
            long length = new FileInfo(full).Length;

            CacheEntry entry = Cache.AddOrUpdate(
                full,
                _ => new CacheEntry(full, stamp, length),
                (_, existing) => existing.Stamp == stamp && existing.Length == length ? existing : new CacheEntry(full, stamp, length));
            try
            {
                return entry.Contract.Value;
            }
            catch
            {
                ((ICollection<KeyValuePair<string, CacheEntry>>)Cache).Remove(new KeyValuePair<string, CacheEntry>(full, entry));
                throw;
            }
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

        /// <summary>Drops all cached specs (tests that rewrite spec files).</summary>
        public static void ClearCache() => Cache.Clear();

        // ------------------------------------------------------------------ routing

        /// <summary>
        /// Finds the operation for <paramref name="method"/> and <paramref name="path"/> (base path <c>/v5</c> optional,
        /// query string and absolute URLs accepted). Literal segments beat template segments, leftmost first.
        /// Returns null when no path template matches or the best match lacks the method.
        /// </summary>
        public ContractOperation? FindOperation(string method, string path)
        {
            SplitPath(path, null, out string relative, out _);
            Route? route = MatchRoute(relative, out Dictionary<string, string> values);
            if (route == null || !route.PathItem.TryGetProperty((method ?? string.Empty).ToLowerInvariant(), out JsonElement op)) return null;
            return new ContractOperation((method ?? string.Empty).ToUpperInvariant(), route.Template, OperationId(op), values);
        }

        private Route? MatchRoute(string relativePath, out Dictionary<string, string> values)
        {
            values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (relativePath.Length == 0 || relativePath[0] != '/') return null;
            string[] raw = relativePath.Substring(1).Split('/');
            var decoded = raw.Select(Uri.UnescapeDataString).ToArray();
            Route? best = null;
            foreach (Route route in _routes)
            {
                if (route.Segments.Length != decoded.Length) continue;
                bool ok = true;
                for (int i = 0; i < decoded.Length && ok; i++)
                {
                    ok = route.ParamNames[i] != null ? decoded[i].Length > 0 : string.Equals(route.Segments[i], decoded[i], StringComparison.Ordinal);
                }

                if (ok && (best == null || route.MoreSpecificThan(best))) best = route;
            }

            if (best != null)
            {
                for (int i = 0; i < decoded.Length; i++)
                {
                    string? name = best.ParamNames[i];
                    if (name != null) values[name] = decoded[i];
                }
            }

            return best;
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

            SplitPath(path, query, out string relative, out string? fullQuery);
            Route? route = MatchRoute(relative, out Dictionary<string, string> pathValues);
            if (route == null)
            {
                errors.Add(new ContractViolation("route", string.Empty, "no path in the spec matches '" + relative + "'" + (BasePath.Length > 0 ? " (after removing the base path " + BasePath + ")" : string.Empty)));
                return new ContractResult(method, path, null, null, errors);
            }

            if (!route.PathItem.TryGetProperty(method.ToLowerInvariant(), out JsonElement operation) || operation.ValueKind != JsonValueKind.Object)
            {
                var defined = HttpMethods.Where(m => route.PathItem.TryGetProperty(m, out _)).Select(m => m.ToUpperInvariant());
                errors.Add(new ContractViolation("route", string.Empty, method + " is not defined for " + route.Template + " (defined: " + string.Join(", ", defined) + ")"));
                return new ContractResult(method, path, route.Template, null, errors);
            }

            string? operationId = OperationId(operation);
            List<JsonElement> parameters = CollectParameters(route.PathItem, operation);
            ValidatePathParameters(parameters, pathValues, errors, options);
            ValidateQuery(parameters, fullQuery, operationId ?? route.Template, errors, options);
            ValidateBody(operation, body, contentType, operationId ?? route.Template, errors, options);
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

        private void ValidatePathParameters(List<JsonElement> parameters, Dictionary<string, string> values, List<ContractViolation> errors, ContractValidationOptions options)
        {
            var ctx = new SchemaValidator.Context("path", options.AllowReadOnlyProperties);
            foreach (JsonElement p in parameters.Where(p => In(p) == "path"))
            {
                string name = Name(p);
                string pointer = "/" + SchemaValidator.EscapeToken(name);
                if (!values.TryGetValue(name, out string? value))
                {
                    errors.Add(new ContractViolation("path", pointer, "(spec problem) path parameter '" + name + "' does not appear in the path template"));
                    continue;
                }

                if (!p.TryGetProperty("schema", out JsonElement schema)) continue;
                string? type = _validator.EffectiveType(schema);
                JsonElement instance = SchemaValidator.BuildJson(w => SchemaValidator.WriteCoerced(w, value, type));
                _validator.Validate(schema, instance, pointer, errors, ctx);
            }
        }

        private void ValidateQuery(List<JsonElement> parameters, string? query, string operationName, List<ContractViolation> errors, ContractValidationOptions options)
        {
            var ctx = new SchemaValidator.Context("query", options.AllowReadOnlyProperties);
            List<KeyValuePair<string, string>> pairs = ParseUrlEncoded(query);
            var declared = parameters.Where(p => In(p) == "query").ToList();
            var consumed = new HashSet<int>();

            foreach (JsonElement p in declared)
            {
                string name = Name(p);
                string pointer = "/" + SchemaValidator.EscapeToken(name);
                p.TryGetProperty("schema", out JsonElement schema);
                bool hasSchema = schema.ValueKind == JsonValueKind.Object;
                string? type = hasSchema ? _validator.EffectiveType(schema) : null;
                string style = p.TryGetProperty("style", out JsonElement st) && st.ValueKind == JsonValueKind.String ? st.GetString() ?? "form" : "form";

                if (style == "deepObject")
                {
                    string prefix = name + "[";
                    var members = new List<KeyValuePair<string, string>>();
                    for (int i = 0; i < pairs.Count; i++)
                    {
                        string key = pairs[i].Key;
                        if (key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith("]", StringComparison.Ordinal))
                        {
                            consumed.Add(i);
                            members.Add(new KeyValuePair<string, string>(key.Substring(prefix.Length, key.Length - prefix.Length - 1), pairs[i].Value));
                        }
                    }

                    if (members.Count == 0)
                    {
                        if (IsRequired(p)) errors.Add(new ContractViolation("query", pointer, "required query parameter '" + name + "' (deepObject: " + name + "[key]=value) is missing"));
                        continue;
                    }

                    if (!hasSchema) continue;
                    JsonElement obj = SchemaValidator.BuildJson(w =>
                    {
                        w.WriteStartObject();
                        foreach (var m in members)
                        {
                            w.WritePropertyName(m.Key);
                            JsonElement? ps = _validator.FindPropertySchema(schema, m.Key);
                            SchemaValidator.WriteCoerced(w, m.Value, ps == null ? null : _validator.EffectiveType(ps.Value));
                        }

                        w.WriteEndObject();
                    });
                    _validator.Validate(schema, obj, pointer, errors, ctx);
                    continue;
                }

                var occurrences = new List<string>();
                for (int i = 0; i < pairs.Count; i++)
                {
                    if (pairs[i].Key == name)
                    {
                        consumed.Add(i);
                        occurrences.Add(pairs[i].Value);
                    }
                }

                if (occurrences.Count == 0)
                {
                    if (IsRequired(p)) errors.Add(new ContractViolation("query", pointer, "required query parameter '" + name + "' is missing"));
                    continue;
                }

                if (!hasSchema) continue;
                JsonElement instance;
                if (type == "array")
                {
                    // style=form: explode defaults to true (name=a&name=b); explode=false means one comma-separated value.
                    bool explode = !(p.TryGetProperty("explode", out JsonElement ex) && ex.ValueKind == JsonValueKind.False);
                    List<string> items = explode ? occurrences : occurrences.SelectMany(o => o.Split(',')).ToList();
                    JsonElement? itemSchema = _validator.ItemsSchema(schema);
                    string? itemType = itemSchema == null ? null : _validator.EffectiveType(itemSchema.Value);
                    instance = SchemaValidator.BuildJson(w =>
                    {
                        w.WriteStartArray();
                        foreach (string item in items) SchemaValidator.WriteCoerced(w, item, itemType);
                        w.WriteEndArray();
                    });
                }
                else
                {
                    if (occurrences.Count > 1)
                    {
                        errors.Add(new ContractViolation("query", pointer, "query parameter '" + name + "' is given " + occurrences.Count + " times but is not an array"));
                    }

                    string first = occurrences[0];
                    instance = SchemaValidator.BuildJson(w => SchemaValidator.WriteCoerced(w, first, type));
                }

                _validator.Validate(schema, instance, pointer, errors, ctx);
            }

            if (options.RejectUnknownQueryParameters)
            {
                var reported = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < pairs.Count; i++)
                {
                    if (consumed.Contains(i) || !reported.Add(pairs[i].Key)) continue;
                    string known = declared.Count == 0 ? "none" : string.Join(", ", declared.Select(Name));
                    errors.Add(new ContractViolation("query", "/" + SchemaValidator.EscapeToken(pairs[i].Key), "query parameter '" + pairs[i].Key + "' is not declared by " + operationName + " (declared: " + known + ")"));
                }
            }
        }

        private void ValidateBody(JsonElement operation, string? body, string? contentType, string operationName, List<ContractViolation> errors, ContractValidationOptions options)
        {
            bool hasBody = !string.IsNullOrWhiteSpace(body);
            JsonElement requestBody = default;
            bool declared = operation.TryGetProperty("requestBody", out requestBody)
                            && _validator.TryResolve(requestBody, out requestBody, out _)
                            && requestBody.ValueKind == JsonValueKind.Object;
            if (!declared)
            {
                if (hasBody) errors.Add(new ContractViolation("body", string.Empty, operationName + " does not accept a request body, but one was sent"));
                return;
            }

            var mediaTypes = requestBody.TryGetProperty("content", out JsonElement content) && content.ValueKind == JsonValueKind.Object
                ? content.EnumerateObject().ToList()
                : new List<JsonProperty>();
            string declaredList = string.Join(", ", mediaTypes.Select(m => m.Name));

            if (!hasBody)
            {
                if (requestBody.TryGetProperty("required", out JsonElement req) && req.ValueKind == JsonValueKind.True)
                {
                    errors.Add(new ContractViolation("body", string.Empty, "a request body is required (" + declaredList + ")"));
                }

                return;
            }

            string? mediaType = string.IsNullOrWhiteSpace(contentType) ? null : contentType!.Split(';')[0].Trim().ToLowerInvariant();
            JsonProperty? chosen = null;
            if (mediaType == null)
            {
                chosen = mediaTypes.Cast<JsonProperty?>().FirstOrDefault(m => IsJson(m!.Value.Name.ToLowerInvariant())) ?? mediaTypes.Cast<JsonProperty?>().FirstOrDefault();
            }
            else
            {
                chosen = mediaTypes.Cast<JsonProperty?>().FirstOrDefault(m => string.Equals(m!.Value.Name, mediaType, StringComparison.OrdinalIgnoreCase))
                         ?? mediaTypes.Cast<JsonProperty?>().FirstOrDefault(m => MediaRangeMatches(m!.Value.Name.ToLowerInvariant(), mediaType));
                if (chosen == null)
                {
                    errors.Add(new ContractViolation("content-type", string.Empty, "Content-Type '" + contentType + "' is not accepted by " + operationName + " (accepted: " + declaredList + ")"));
                    return;
                }
            }

            if (chosen == null || !chosen.Value.Value.TryGetProperty("schema", out JsonElement schema)) return;
            string effective = (mediaType ?? chosen.Value.Name).ToLowerInvariant();
            var ctx = new SchemaValidator.Context("body", options.AllowReadOnlyProperties);

            if (IsJson(effective))
            {
                JsonDocument doc;
                try
                {
                    doc = JsonDocument.Parse(body!, new JsonDocumentOptions { MaxDepth = 256 });
                }
                catch (JsonException ex)
                {
                    errors.Add(new ContractViolation("body", string.Empty, "body is not valid JSON: " + ex.Message));
                    return;
                }

                using (doc)
                {
                    _validator.Validate(schema, doc.RootElement, string.Empty, errors, ctx);
                }
            }
            else if (effective == "application/x-www-form-urlencoded")
            {
                List<KeyValuePair<string, string>> fields = ParseUrlEncoded(body);
                var grouped = fields.GroupBy(f => f.Key, StringComparer.Ordinal).ToList();
                var formErrors = new List<ContractViolation>();
                JsonElement instance = SchemaValidator.BuildJson(w =>
                {
                    w.WriteStartObject();
                    foreach (var field in grouped)
                    {
                        JsonElement? ps = _validator.FindPropertySchema(schema, field.Key);
                        string? type = ps == null ? null : _validator.EffectiveType(ps.Value);
                        w.WritePropertyName(field.Key);
                        if (type == "array")
                        {
                            JsonElement? itemSchema = _validator.ItemsSchema(ps!.Value);
                            string? itemType = itemSchema == null ? null : _validator.EffectiveType(itemSchema.Value);
                            w.WriteStartArray();
                            foreach (var v in field) SchemaValidator.WriteCoerced(w, v.Value, itemType);
                            w.WriteEndArray();
                        }
                        else
                        {
                            if (field.Count() > 1)
                            {
                                formErrors.Add(new ContractViolation("body", "/" + SchemaValidator.EscapeToken(field.Key), "form field '" + field.Key + "' is given " + field.Count() + " times but is not an array"));
                            }

                            SchemaValidator.WriteCoerced(w, field.First().Value, type);
                        }
                    }

                    w.WriteEndObject();
                });
                errors.AddRange(formErrors);
                _validator.Validate(schema, instance, string.Empty, errors, ctx);
            }

            // Other media types (multipart, binary): not validated.
        }

        // ------------------------------------------------------------------ helpers

        private void SplitPath(string path, string? query, out string relative, out string? fullQuery)
        {
            string p = path ?? string.Empty;
            string? extraQuery = null;
            if (Uri.TryCreate(p, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                p = uri.AbsolutePath;
                if (uri.Query.Length > 1) extraQuery = uri.Query.Substring(1);
            }
            else
            {
                int hash = p.IndexOf('#');
                if (hash >= 0) p = p.Substring(0, hash);
                int q = p.IndexOf('?');
                if (q >= 0)
                {
                    extraQuery = p.Substring(q + 1);
                    p = p.Substring(0, q);
                }
            }

            if (BasePath.Length > 0 && (p == BasePath || p.StartsWith(BasePath + "/", StringComparison.Ordinal)))
            {
                p = p.Substring(BasePath.Length);
            }

            relative = p;
            string? q1 = string.IsNullOrEmpty(query) ? null : query!.TrimStart('?');
            fullQuery = q1 == null ? extraQuery : extraQuery == null ? q1 : extraQuery + "&" + q1;
        }

        private static List<KeyValuePair<string, string>> ParseUrlEncoded(string? text)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(text)) return result;
            foreach (string part in text!.TrimStart('?').Split('&'))
            {
                if (part.Length == 0) continue;
                int eq = part.IndexOf('=');
                string key = WebUtility.UrlDecode(eq < 0 ? part : part.Substring(0, eq)) ?? string.Empty;
                string value = eq < 0 ? string.Empty : WebUtility.UrlDecode(part.Substring(eq + 1)) ?? string.Empty;
                result.Add(new KeyValuePair<string, string>(key, value));
            }

            return result;
        }

        private List<JsonElement> CollectParameters(JsonElement pathItem, JsonElement operation)
        {
            var byKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (JsonElement owner in new[] { pathItem, operation })
            {
                if (!owner.TryGetProperty("parameters", out JsonElement list) || list.ValueKind != JsonValueKind.Array) continue;
                foreach (JsonElement raw in list.EnumerateArray())
                {
                    if (!_validator.TryResolve(raw, out JsonElement p, out _) || p.ValueKind != JsonValueKind.Object) continue;
                    string key = In(p) + ":" + Name(p);
                    if (!byKey.ContainsKey(key)) order.Add(key);
                    byKey[key] = p; // operation-level overrides path-level
                }
            }

            return order.Select(k => byKey[k]).ToList();
        }

        private static string In(JsonElement p) => p.TryGetProperty("in", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

        private static string Name(JsonElement p) => p.TryGetProperty("name", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

        private static bool IsRequired(JsonElement p) => p.TryGetProperty("required", out JsonElement v) && v.ValueKind == JsonValueKind.True;

        private static string? OperationId(JsonElement op) => op.TryGetProperty("operationId", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

        private static bool MediaRangeMatches(string declared, string actual)
        {
            if (declared == "*/*") return true;
            return declared.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(declared.Substring(0, declared.Length - 1), StringComparison.Ordinal);
        }

        private static string ReadBasePath(JsonElement root)
        {
            if (!root.TryGetProperty("servers", out JsonElement servers) || servers.ValueKind != JsonValueKind.Array || servers.GetArrayLength() == 0) return string.Empty;
            JsonElement first = servers[0];
            if (!first.TryGetProperty("url", out JsonElement url) || url.ValueKind != JsonValueKind.String) return string.Empty;
            string u = url.GetString() ?? string.Empty;
            string path = Uri.TryCreate(u, UriKind.Absolute, out Uri? abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps) ? abs.AbsolutePath : u;
            path = path.TrimEnd('/');
            return path.Length > 0 && path[0] == '/' ? path : string.Empty;
        }

        private sealed class CacheEntry
        {
            public CacheEntry(string path, DateTime stamp, long length)
            {
                Stamp = stamp;
                Length = length;
                Contract = new Lazy<OpenApiContract>(() => new OpenApiContract(path), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public DateTime Stamp { get; }

            public long Length { get; }

            public Lazy<OpenApiContract> Contract { get; }
        }

        private sealed class Route
        {
            public Route(string template, JsonElement pathItem)
            {
                Template = template;
                PathItem = pathItem;
                Segments = template.TrimStart('/').Split('/');
                ParamNames = Segments.Select(s => s.Length > 2 && s[0] == '{' && s[s.Length - 1] == '}' ? s.Substring(1, s.Length - 2) : null).ToArray();
            }

            public string Template { get; }

            public JsonElement PathItem { get; }

            public string[] Segments { get; }

            public string?[] ParamNames { get; }

            /// <summary>Literal segments beat template segments; the leftmost difference decides.</summary>
            public bool MoreSpecificThan(Route other)
            {
                for (int i = 0; i < Segments.Length && i < other.Segments.Length; i++)
                {
                    bool mineLiteral = ParamNames[i] == null;
                    bool theirsLiteral = other.ParamNames[i] == null;
                    if (mineLiteral != theirsLiteral) return mineLiteral;
                }

                return false;
            }
        }
    }
}
