using System.Collections.Generic;
using System.Text.Json;

namespace PinterestAds.Contract
{
    /// <summary>One operation of the spec (a method of a path template) and what a request to it must satisfy.</summary>
    internal sealed class Operation
    {
        private readonly ParameterSet _path;
        private readonly ParameterSet _query;
        private readonly RequestBodyContract _body;

        public Operation(SpecDocument spec, StringValues values, Route route, JsonElement operation)
        {
            OperationId = operation.TryGetProperty("operationId", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            List<OperationParameter> parameters = OperationParameter.Collect(spec, route.PathItem, operation);
            _path = new ParameterSet(spec, values, "path", parameters);
            _query = new ParameterSet(spec, values, "query", parameters);
            _body = new RequestBodyContract(spec, values, operation);
            Name = OperationId ?? route.Template;
        }

        public string? OperationId { get; }

        /// <summary>The operationId, else the path template: how messages name the operation.</summary>
        public string Name { get; }

        public void Validate(IReadOnlyDictionary<string, string> pathValues, string? query, string? body, string? contentType, List<ContractViolation> violations)
        {
            _path.ValidatePath(pathValues, violations);
            _query.ValidateQuery(query, Name, violations);
            _body.Validate(body, contentType, Name, violations);
        }
    }
}
