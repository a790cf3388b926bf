using System;
using System.Globalization;

namespace PinterestAds.Core.Uploads
{
    /// <summary>Sizes and rates for people: <c>812 B</c>, <c>4.2 MB</c>, <c>1.05 GB</c>, <c>38.5 MB/s</c> (decimal units, as disks are sold).</summary>
    public static class ByteSize
    {
        private static readonly string[] Units = { "B", "kB", "MB", "GB", "TB" };

        public static string Format(double bytes)
        {
            int unit = 0;
            while (Math.Abs(bytes) >= 1000 && unit < Units.Length - 1)
            {
                bytes /= 1000;
                unit++;
            }

            string format = unit == 0 ? "0" : Math.Abs(bytes) < 10 ? "0.##" : Math.Abs(bytes) < 100 ? "0.#" : "0";
            return bytes.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
        }

        public static string Rate(double bytesPerSecond) => Format(bytesPerSecond) + "/s";
    }
}
