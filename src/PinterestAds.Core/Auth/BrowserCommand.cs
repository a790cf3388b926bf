using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// A browser command from the <c>BROWSER</c> environment variable, the convention that
    /// xdg-open, sensible-browser, man and Python's webbrowser follow: a list of commands
    /// separated by the path separator (':' on Unix, ';' on Windows), tried in order. Each is a
    /// program (a path with spaces in double quotes) and its arguments as written; <c>%s</c>
    /// stands for the address, which is otherwise added as the last argument. It lets a user pick
    /// another browser than the system's default, and tests open the sign-in in a headless one.
    /// </summary>
    internal sealed class BrowserCommand
    {
        public const string VariableName = "BROWSER";

        private const string AddressPlaceholder = "%s";

        private BrowserCommand(string program, string arguments)
        {
            Program = program;
            Arguments = arguments;
        }

        /// <summary>The program to start: a path, or a name looked up on PATH.</summary>
        public string Program { get; }

        /// <summary>Its command line after the program name, with the address in place.</summary>
        public string Arguments { get; }

        /// <summary>The commands of <paramref name="variable"/> (the value of BROWSER) for <paramref name="address"/>, in the order to try; none when it is unset or blank.</summary>
        public static IReadOnlyList<BrowserCommand> Parse(string? variable, Uri address, char separator)
        {
            var commands = new List<BrowserCommand>();
            foreach (string entry in (variable ?? string.Empty).Split(separator))
            {
                string text = entry.Trim();
                if (text.Length > 0)
                {
                    commands.Add(ParseEntry(text, Quote(address)));
                }
            }

            return commands;
        }

        private static BrowserCommand ParseEntry(string text, string quotedAddress)
        {
            string program;
            string rest;
            int closing = text[0] == '"' ? text.IndexOf('"', 1) : -1;
            if (closing > 0)
            {
                program = text.Substring(1, closing - 1);
                rest = text.Substring(closing + 1);
            }
            else
            {
                int space = text.IndexOfAny(new[] { ' ', '\t' });
                program = space < 0 ? text : text.Substring(0, space);
                rest = space < 0 ? string.Empty : text.Substring(space + 1);
            }

            rest = rest.Trim();
            string arguments = rest.Contains(AddressPlaceholder)
                ? rest.Replace(AddressPlaceholder, quotedAddress)
                : (rest.Length == 0 ? quotedAddress : rest + " " + quotedAddress);
            return new BrowserCommand(program, arguments);
        }

        /// <summary>One command-line argument: the address in double quotes (an absolute URI has no spaces; a stray quote is escaped as %22).</summary>
        public static string Quote(Uri address) => "\"" + address.AbsoluteUri.Replace("\"", "%22") + "\"";
    }
}
