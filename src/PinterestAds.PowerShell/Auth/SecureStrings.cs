using System;
using System.Runtime.InteropServices;
using System.Security;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.PowerShell.Auth
{
    /// <summary>Reads a SecureString parameter and registers the value with the redactor at once.</summary>
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
                string value = Marshal.PtrToStringUni(pointer, secure.Length);
                SecretRedactor.Register(value);
                SecretRedactor.Register(value.Trim());
                return value;
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
