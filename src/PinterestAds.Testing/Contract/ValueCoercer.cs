using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Path, query and form values arrive as strings; the schema's type says which JSON value each stands for
    /// (<c>5</c> is the number 5 where an integer is declared). A string that does not parse as the declared
    /// type stays a JSON string, so the schema then reports a type mismatch.
    /// </summary>
    internal sealed class ValueCoercer(SchemaShape shape)
    {
        private static readonly Regex JsonNumberRegex = new Regex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant);

        /// <summary>One value typed by <paramref name="schema"/>.</summary>
        public JsonElement ScalarOf(string value, JsonElement schema)
        {
            string? type = shape.EffectiveType(schema);
            return Build(w => Write(w, value, type));
        }

        /// <summary>An array whose items are typed by the <c>items</c> of <paramref name="arraySchema"/>.</summary>
        public JsonElement ArrayOf(IEnumerable<string> items, JsonElement arraySchema) => Build(w => WriteArray(w, items, arraySchema));

        /// <summary>An object (a deepObject query parameter) whose members are typed by their property schemas.</summary>
        public JsonElement ObjectOf(IEnumerable<KeyValuePair<string, string>> members, JsonElement objectSchema)
        {
            return Build(w =>
            {
                w.WriteStartObject();
                foreach (var member in members)
                {
                    w.WritePropertyName(member.Key);
                    Write(w, member.Value, PropertyType(objectSchema, member.Key));
                }

                w.WriteEndObject();
            });
        }

        /// <summary>
        /// Writes one form field as property <paramref name="name"/> of <paramref name="objectSchema"/> types it: an
        /// array of all values when declared as one, else the first value. Returns false when several values were
        /// given for a property that is not an array.
        /// </summary>
        public bool WriteField(Utf8JsonWriter writer, JsonElement objectSchema, string name, IReadOnlyList<string> values)
        {
            JsonElement? propertySchema = shape.FindPropertySchema(objectSchema, name);
            string? type = propertySchema == null ? null : shape.EffectiveType(propertySchema.Value);
            if (type == "array")
            {
                WriteArray(writer, values, propertySchema!.Value);
                return true;
            }

            Write(writer, values[0], type);
            return values.Count == 1;
        }

        public bool IsArray(JsonElement schema) => shape.EffectiveType(schema) == "array";

        private void WriteArray(Utf8JsonWriter writer, IEnumerable<string> items, JsonElement arraySchema)
        {
            string? itemType = shape.ItemType(arraySchema);
            writer.WriteStartArray();
            foreach (string item in items) Write(writer, item, itemType);
            writer.WriteEndArray();
        }

        private string? PropertyType(JsonElement objectSchema, string name)
        {
            JsonElement? propertySchema = shape.FindPropertySchema(objectSchema, name);
            return propertySchema == null ? null : shape.EffectiveType(propertySchema.Value);
        }

        /// <summary>Writes a string as the JSON value <paramref name="type"/> implies, or as a JSON string when it does not parse.</summary>
        private static void Write(Utf8JsonWriter writer, string value, string? type)
        {
            switch (type)
            {
                case "integer" when JsonValues.IsIntegerLiteral(value):
                case "number" when JsonNumberRegex.IsMatch(value):
                    writer.WriteRawValue(value, skipInputValidation: true);
                    return;
                case "boolean" when value == "true" || value == "false":
                    writer.WriteBooleanValue(value == "true");
                    return;
            }

            writer.WriteStringValue(value);
        }

        /// <summary>Builds a detached <see cref="JsonElement"/> with a writer callback.</summary>
        public static JsonElement Build(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                write(writer);
            }

            using JsonDocument doc = JsonDocument.Parse(stream.ToArray());
            return doc.RootElement.Clone();
        }
    }
}
