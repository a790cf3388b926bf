using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PinterestAds.PowerShell.Auth
{
    /// <summary>Reads a SecureString parameter as the text Core takes (ConnectSettings registers it with the redactor).</summary>
    internal static class SecureStrings
    {
        public static string? Reveal(SecureString? secure)
        {
            if (secure is null || secure.Length == 0)
            {
                return null;
            }

            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
