using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Analytics.Parsing
{
    /// <summary>
    /// Reads analytics rows from JSON as the bytes arrive, one row at a time, with a Utf8JsonReader
    /// over a small buffer: the synchronous endpoints' bare array of rows, or an async report's
    /// object of arrays keyed by entity id or date. Memory is the buffer and one row, however large
    /// the stream; a document model of a million-row report would hold all of it.
    /// </summary>
    internal sealed class JsonRowReader : IDisposable
    {
        /// <summary>A row is a few hundred bytes; one larger than this is not analytics.</summary>
        private const int LargestRow = 16 * 1024 * 1024;

        private readonly StreamWindow _window;
        private readonly PropertyNames _names = new PropertyNames();
        private JsonReaderState _state;
        private Stage _stage = Stage.Start;
        private string? _group;

        public JsonRowReader(Stream stream)
        {
            _window = new StreamWindow(stream, LargestRow);
        }

        private enum Stage
        {
            Start,
            Rows,
            Groups,
            GroupRows,
            Done,
        }

        private enum Step
        {
            Row,
            NeedMore,
            End,
        }

        /// <summary>The next row; null after the last.</summary>
        /// <exception cref="FormatException">The stream is not JSON of either shape (with a short reason).</exception>
        public async ValueTask<RawRow?> ReadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                Step step;
                RawRow? row;
                try
                {
                    step = Parse(out row);
                }
                catch (JsonException ex) when (_window.AtEnd)
                {
                    // Cut off, most likely (a download that broke off): say so rather than the parser's words.
                    throw new FormatException("it ends in the middle of the JSON", ex);
                }
                catch (JsonException ex)
                {
                    throw new FormatException("it is not JSON: " + ex.Message.Split('.')[0].Trim(), ex);
                }

                if (step == Step.Row)
                {
                    return row;
                }

                if (step == Step.End)
                {
                    return null;
                }

                if (_window.AtEnd)
                {
                    throw new FormatException("it ends in the middle of the JSON");
                }

                await _window.FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose() => _window.Dispose();

        /// <summary>Reads tokens up to the end of the next row; what is only partly buffered is left for after the next fill.</summary>
        private Step Parse(out RawRow? row)
        {
            row = null;
            var reader = new Utf8JsonReader(_window.Unread, _window.AtEnd, _state);
            while (true)
            {
                long before = reader.BytesConsumed;
                JsonReaderState stateBefore = reader.CurrentState;
                if (!reader.Read())
                {
                    Commit(reader.BytesConsumed, reader.CurrentState);
                    if (!_window.AtEnd)
                    {
                        return Step.NeedMore;
                    }

                    return _stage == Stage.Done ? Step.End : throw new FormatException("it ends before its last row is complete");
                }

                switch (_stage)
                {
                    case Stage.Start:
                        _stage = reader.TokenType switch
                        {
                            JsonTokenType.StartArray => Stage.Rows,
                            JsonTokenType.StartObject => Stage.Groups,
                            _ => throw new FormatException("it is neither an array of rows nor an object of row arrays"),
                        };
                        break;
                    case Stage.Groups:
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            _stage = Stage.Done;
                        }
                        else if (reader.TokenType == JsonTokenType.PropertyName)
                        {
                            _group = reader.GetString();
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            _stage = Stage.GroupRows;
                        }
                        else
                        {
                            throw new FormatException($"the rows of '{_group}' are not an array");
                        }

                        break;
                    case Stage.Rows:
                    case Stage.GroupRows:
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _stage = _stage == Stage.Rows ? Stage.Done : Stage.Groups;
                            break;
                        }

                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new FormatException("a row is not an object");
                        }

                        var rowReader = reader;
                        if (!reader.TrySkip())
                        {
                            // The row is not all here yet: resume at its start after the next fill.
                            Commit(before, stateBefore);
                            return Step.NeedMore;
                        }

                        row = new RawRow(_stage == Stage.GroupRows ? _group : null, ReadRow(ref rowReader));
                        Commit(reader.BytesConsumed, reader.CurrentState);
                        return Step.Row;
                    default:
                        throw new FormatException("it goes on after its end");
                }
            }
        }

        /// <summary>The columns of the row whose StartObject <paramref name="reader"/> stands on; the whole row is buffered.</summary>
        private Dictionary<string, object?> ReadRow(ref Utf8JsonReader reader)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = _names.Read(ref reader);
                reader.Read();
                values[name] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.TryGetInt64(out long whole) ? whole : reader.TryGetDecimal(out decimal amount) ? amount : (object)reader.GetDouble(),
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    JsonTokenType.Null => null,
                    _ => Nested(ref reader),
                };
            }

            return values;
        }

        /// <summary>An object or array inside a row, as plain values (Pinterest's rows are flat; this keeps anything else readable).</summary>
        private static object? Nested(ref Utf8JsonReader reader)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return JsonPlain.ToPlain(document.RootElement);
        }

        private void Commit(long consumed, JsonReaderState state)
        {
            _window.Consume(consumed);
            _state = state;
        }
    }
}
