using System.Text;

namespace PinterestAds.Testing.Media
{
    /// <summary>
    /// Tells a video container from anything else by its first bytes, as Pinterest's processing
    /// does before it fails an upload ("file is corrupted"): ISO-BMFF (<c>ftyp</c> at offset 4:
    /// MP4, MOV, M4V, 3GP), EBML (WebM, Matroska), RIFF AVI, MPEG program and transport streams.
    /// </summary>
    internal static class VideoSignature
    {
        private const int TransportPacket = 188;

        /// <summary>mp4, mov, webm, mkv, avi, mpeg-ps or mpeg-ts; null when the bytes are not a video.</summary>
        public static string? Detect(byte[] head)
        {
            if (head.Length >= 12 && Ascii(head, 4, 4) == "ftyp")
            {
                return Ascii(head, 8, 4) == "qt  " ? "mov" : "mp4";
            }

            if (head.Length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3)
            {
                return Encoding.ASCII.GetString(head).Contains("webm") ? "webm" : "mkv";
            }

            if (head.Length >= 12 && Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "AVI ")
            {
                return "avi";
            }

            if (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 1 && head[3] == 0xBA)
            {
                return "mpeg-ps";
            }

            if (head.Length > TransportPacket * 2 && head[0] == 0x47 && head[TransportPacket] == 0x47 && head[TransportPacket * 2] == 0x47)
            {
                return "mpeg-ts";
            }

            return null;
        }

        private static string Ascii(byte[] bytes, int offset, int count) => Encoding.ASCII.GetString(bytes, offset, count);
    }
}
