using System;
using System.IO;
using System.Text;
using System.Xml;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// Writes the report's HTML and SVG as well-formed XHTML-compatible markup, streamed to a
    /// TextWriter. System.Xml's XmlWriter does the escaping, so every value (names are user input)
    /// reaches the page as text, never as markup; this class only adds the HTML rules XmlWriter does
    /// not know (non-void elements always get an end tag) and drops characters XML cannot carry.
    /// </summary>
    internal sealed class Markup : IDisposable
    {
        private readonly XmlWriter _xml;

        public Markup(TextWriter writer)
        {
            _xml = XmlWriter.Create(writer, new XmlWriterSettings
            {
                OmitXmlDeclaration = true,
                ConformanceLevel = ConformanceLevel.Document,
                Indent = true,
                IndentChars = string.Empty,
                CloseOutput = false,
            });
        }

        public void DocType() => _xml.WriteDocType("html", null, null, null);

        public Markup Open(string element, string? cssClass = null)
        {
            _xml.WriteStartElement(element);
            return cssClass is null ? this : Attr("class", cssClass);
        }

        public Markup Attr(string name, string? value)
        {
            _xml.WriteAttributeString(name, Clean(value));
            return this;
        }

        public Markup Attr(string name, double value) => Attr(name, NumberText.Coordinate(value));

        public Markup Text(string? text)
        {
            _xml.WriteString(Clean(text));
            return this;
        }

        /// <summary>Ends an element with an end tag, as every non-void HTML element needs.</summary>
        public Markup Close()
        {
            _xml.WriteFullEndElement();
            return this;
        }

        /// <summary>Ends an element that may self-close: HTML void elements (meta) and SVG shapes.</summary>
        public Markup CloseEmpty()
        {
            _xml.WriteEndElement();
            return this;
        }

        /// <summary>Writes <c>&lt;element class="cssClass"&gt;text&lt;/element&gt;</c>.</summary>
        public Markup Element(string element, string? text, string? cssClass = null) => Open(element, cssClass).Text(text).Close();

        /// <summary>Writes a table column header.</summary>
        public Markup ColumnHeader(string text, string? cssClass = null) => Open("th", cssClass).Attr("scope", "col").Text(text).Close();

        public void Dispose() => _xml.Dispose();

        /// <summary>
        /// The text cut to <paramref name="max"/> characters with an ellipsis in the middle, never inside
        /// a surrogate pair. The end is kept longer than the start: names of one account tend to share
        /// their start and differ at the end ("[Experiment: Spring hero] Variant: Lifestyle", "Women US").
        /// </summary>
        internal static string Shorten(string text, int max)
        {
            if (text.Length <= max)
            {
                return text;
            }

            int head = (max - 1) / 3;
            int tail = max - 1 - head;
            if (char.IsHighSurrogate(text[head - 1]))
            {
                head--;
            }

            int tailStart = text.Length - tail;
            if (char.IsLowSurrogate(text[tailStart]))
            {
                tailStart++;
            }

            return text.Substring(0, head) + "…" + text.Substring(tailStart);
        }

        /// <summary>The text with every character XML 1.0 cannot carry (control characters, lone surrogates) replaced by U+FFFD.</summary>
        internal static string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            int bad = FirstInvalid(text!, 0);
            if (bad < 0)
            {
                return text!;
            }

            var clean = new StringBuilder(text!.Length);
            int start = 0;
            while (bad >= 0)
            {
                clean.Append(text, start, bad - start).Append('\uFFFD');
                start = bad + 1;
                bad = FirstInvalid(text, start);
            }

            return clean.Append(text, start, text.Length - start).ToString();
        }

        private static int FirstInvalid(string text, int from)
        {
            for (int i = from; i < text.Length; i++)
            {
                if (XmlConvert.IsXmlChar(text[i]))
                {
                    continue;
                }

                if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            return -1;
        }
    }
}
