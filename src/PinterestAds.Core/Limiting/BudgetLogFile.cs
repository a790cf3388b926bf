using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PinterestAds.Core.Coordination;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// One bucket's log file of the machine-local budget as this limiter last read it, so that a permit
    /// reads only the lines added since (by this or any other process) instead of the whole file. The
    /// file holds up to two windows of admissions (a thousand lines or more an hour), and parsing it
    /// whole on every request was most of what a call cost. Used only while the file is locked.
    /// </summary>
    /// <remarks>
    /// The file is a header line, a <c>#generation &lt;id&gt;</c> line, and one admission per line
    /// (microseconds since the Unix epoch); a 429's pause is a <c>#paused-until &lt;microseconds&gt;</c>
    /// line (the latest one counts). Lines are only ever appended, except when the file is rewritten
    /// without expired or unreadable lines, and a rewrite gives it a new generation. So what was read
    /// stays valid while the file still starts with the same header and generation and has not shrunk.
    /// A file without a generation line (written by an earlier version, whose readers skip comment
    /// lines) is read whole until the next rewrite gives it one. Unreadable lines, and timestamps
    /// implausibly far in the future, are counted as dropped; the limiter rewrites the file without them.
    /// </remarks>
    internal sealed class BudgetLogFile
    {
        public const string Header = "# PinterestAds request budget log v1";

        // A comment line, so earlier readers skip it.
        private const string GenerationMark = "#generation ";

        // A pause after a 429: "#paused-until <microseconds>".
        private const string PauseMark = "#paused-until ";

        private string? _generation;
        private byte[] _prefix = Array.Empty<byte>();
        private long _length;

        /// <summary>Admission times in the file, ascending (microseconds since the Unix epoch).</summary>
        public List<long> Entries { get; } = new List<long>();

        /// <summary>The latest pause in the file (microseconds since the Unix epoch), 0 when none.</summary>
        public long PausedUntil { get; private set; }

        /// <summary>Lines read since the last rewrite that were unreadable: the next admission rewrites the file without them.</summary>
        public int Unreadable { get; private set; }

        /// <summary>False for a file an earlier version wrote: the next admission rewrites it with a generation.</summary>
        public bool HasGeneration => _generation != null;

        /// <summary>Reads what was added since the last look, or the whole file when it was rewritten.</summary>
        /// <param name="latestPlausible">Later timestamps are unreadable (a damaged line, or a clock far off).</param>
        public void Refresh(LockedFile file, long latestPlausible)
        {
            long length = file.Length;
            bool onlyAppended = _generation != null && length >= _length && file.ReadBytes(0, _prefix.Length).SequenceEqual(_prefix);
            if (!onlyAppended)
            {
                Entries.Clear();
                PausedUntil = 0;
                Unreadable = 0;
                _generation = null;
                _prefix = Array.Empty<byte>();
                _length = 0;
            }

            string text = length > _length ? file.ReadText(_length, (int)(length - _length)) : string.Empty;
            if (_length == 0)
            {
                AdoptGeneration(text);
            }

            Read(text, latestPlausible);
            _length = length;
        }

        /// <summary>Appends one admission; an empty file gets its header and generation first.</summary>
        public void AppendAdmission(LockedFile file, long microseconds)
        {
            Append(file, Number(microseconds));
            Entries.Add(microseconds);
        }

        /// <summary>Appends a pause until <paramref name="microseconds"/>; an empty file gets its header and generation first.</summary>
        public void AppendPause(LockedFile file, long microseconds)
        {
            Append(file, PauseMark + Number(microseconds));
            PausedUntil = Math.Max(PausedUntil, microseconds);
        }

        /// <summary>Replaces the file with a new generation holding <paramref name="pausedUntil"/> (when still to come) and <paramref name="admissions"/>.</summary>
        public void Rewrite(LockedFile file, long pausedUntil, IEnumerable<long> admissions, long now)
        {
            StartGeneration();
            var text = new StringBuilder().Append(Encoding.UTF8.GetString(_prefix));
            PausedUntil = pausedUntil > now ? pausedUntil : 0;
            Unreadable = 0;
            if (PausedUntil > 0)
            {
                text.Append(PauseMark).Append(Number(PausedUntil)).Append('\n');
            }

            Entries.Clear();
            foreach (long admission in admissions)
            {
                text.Append(Number(admission)).Append('\n');
                Entries.Add(admission);
            }

            _length = file.WriteAllText(text.ToString());
        }

        private void Append(LockedFile file, string line)
        {
            string text = line + "\n";
            if (_length == 0)
            {
                StartGeneration();
                text = Encoding.UTF8.GetString(_prefix) + text;
            }

            // At the end as Refresh found it, under the same lock.
            _length += file.WriteAt(_length, text);
        }

        private void StartGeneration()
        {
            _generation = Guid.NewGuid().ToString("N");
            _prefix = Encoding.UTF8.GetBytes(Header + "\n" + GenerationMark + _generation + "\n");
        }

        /// <summary>Takes the generation from a whole file's text: the line right after the header, when it is one.</summary>
        private void AdoptGeneration(string text)
        {
            string start = Header + "\n" + GenerationMark;
            int end = text.StartsWith(start, StringComparison.Ordinal) ? text.IndexOf('\n', start.Length) : -1;
            if (end > start.Length)
            {
                _generation = text.Substring(start.Length, end - start.Length);
                _prefix = Encoding.UTF8.GetBytes(text.Substring(0, end + 1));
            }
        }

        private void Read(string text, long latestPlausible)
        {
            bool unsorted = false;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith(PauseMark, StringComparison.Ordinal))
                {
                    if (long.TryParse(line.Substring(PauseMark.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long until) && until > PausedUntil)
                    {
                        PausedUntil = until;
                    }
                }
                else if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }
                else if (long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= latestPlausible)
                {
                    unsorted |= Entries.Count > 0 && value < Entries[Entries.Count - 1];
                    Entries.Add(value);
                }
                else
                {
                    Unreadable++;
                }
            }

            if (unsorted)
            {
                Entries.Sort();
            }
        }

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
