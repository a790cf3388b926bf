using System;
using System.Security.Cryptography;
using System.Text;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// Authenticated encryption for values kept in a shared store (netstandard2.0 has no AES-GCM):
    /// AES-256-CBC with a random IV, then HMAC-SHA256 over everything (encrypt-then-MAC), checked
    /// in constant time before anything is decrypted. Layout:
    /// <c>0x01 | IV (16) | ciphertext | tag (32)</c>. The tag also covers caller-supplied
    /// associated data (the Redis key and generation), so a value cannot be moved to another key
    /// or replayed under another generation.
    /// </summary>
    internal static class TokenEnvelope
    {
        internal const byte FormatVersion = 1;
        private const int IvLength = 16;
        private const int TagLength = 32;
        private static readonly byte[] Label = Encoding.ASCII.GetBytes("PinterestAds.TokenEnvelope.v1");

        public static byte[] Seal(byte[] plaintext, TokenEnvelopeKeys keys, string associatedData)
        {
            if (plaintext is null)
            {
                throw new ArgumentNullException(nameof(plaintext));
            }

            byte[] iv = new byte[IvLength];
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(iv);
            }

            byte[] ciphertext;
            using (var aes = NewAes(keys))
            using (var encryptor = aes.CreateEncryptor(aes.Key, iv))
            {
                ciphertext = encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
            }

            byte[] sealedValue = new byte[1 + IvLength + ciphertext.Length + TagLength];
            sealedValue[0] = FormatVersion;
            Buffer.BlockCopy(iv, 0, sealedValue, 1, IvLength);
            Buffer.BlockCopy(ciphertext, 0, sealedValue, 1 + IvLength, ciphertext.Length);
            byte[] tag = Tag(keys, associatedData, sealedValue, sealedValue.Length - TagLength);
            Buffer.BlockCopy(tag, 0, sealedValue, sealedValue.Length - TagLength, TagLength);
            return sealedValue;
        }

        /// <summary>
        /// Checks the tag and decrypts. False (never an exception) for anything that is not a value
        /// sealed with these keys and this associated data: wrong secret, altered bytes, truncated,
        /// another key's value, an unknown format.
        /// </summary>
        public static bool TryOpen(byte[]? sealedValue, TokenEnvelopeKeys keys, string associatedData, out byte[] plaintext)
        {
            plaintext = new byte[0];
            if (sealedValue is null || sealedValue.Length < 1 + IvLength + 16 + TagLength || sealedValue[0] != FormatVersion)
            {
                return false;
            }

            int signedLength = sealedValue.Length - TagLength;
            byte[] expected = Tag(keys, associatedData, sealedValue, signedLength);
            if (!FixedTimeEquals(expected, sealedValue, signedLength))
            {
                return false;
            }

            int cipherLength = signedLength - 1 - IvLength;
            if (cipherLength % 16 != 0)
            {
                return false;
            }

            byte[] iv = new byte[IvLength];
            Buffer.BlockCopy(sealedValue, 1, iv, 0, IvLength);
            try
            {
                using var aes = NewAes(keys);
                using var decryptor = aes.CreateDecryptor(aes.Key, iv);
                plaintext = decryptor.TransformFinalBlock(sealedValue, 1 + IvLength, cipherLength);
                return true;
            }
            catch (CryptographicException)
            {
                // Unreachable with a valid tag, but a value is never worth a crash.
                return false;
            }
        }

        private static Aes NewAes(TokenEnvelopeKeys keys)
        {
            var aes = Aes.Create();
            aes.KeySize = 256;
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.PKCS7;
            aes.Key = keys.EncryptionKey;
            return aes;
        }

        private static byte[] Tag(TokenEnvelopeKeys keys, string associatedData, byte[] data, int length)
        {
            byte[] ad = Encoding.UTF8.GetBytes(associatedData ?? string.Empty);
            using var hmac = new HMACSHA256(keys.MacKey);

            // label | len(ad) | ad | version, IV, ciphertext: lengths make the concatenation unambiguous.
            hmac.TransformBlock(Label, 0, Label.Length, null, 0);
            byte[] adLength = BitConverter.GetBytes(ad.Length);
            if (!BitConverter.IsLittleEndian)
            {
                Array.Reverse(adLength);
            }

            hmac.TransformBlock(adLength, 0, adLength.Length, null, 0);
            hmac.TransformBlock(ad, 0, ad.Length, null, 0);
            hmac.TransformFinalBlock(data, 0, length);
            return hmac.Hash!;
        }

        private static bool FixedTimeEquals(byte[] expected, byte[] value, int offset)
        {
            int difference = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                difference |= expected[i] ^ value[offset + i];
            }

            return difference == 0;
        }
    }

    /// <summary>An encryption key and a MAC key for <see cref="TokenEnvelope"/>, derived with <see cref="Hkdf"/>.</summary>
    internal sealed class TokenEnvelopeKeys
    {
        private TokenEnvelopeKeys(byte[] encryptionKey, byte[] macKey)
        {
            EncryptionKey = encryptionKey;
            MacKey = macKey;
        }

        public byte[] EncryptionKey { get; }

        public byte[] MacKey { get; }

        /// <summary>Two independent 256-bit keys from a pseudo-random key and a context string.</summary>
        public static TokenEnvelopeKeys Derive(byte[] pseudoRandomKey, string context)
        {
            byte[] okm = Hkdf.Expand(pseudoRandomKey, Encoding.UTF8.GetBytes("envelope|" + context), 64);
            byte[] encryption = new byte[32];
            byte[] mac = new byte[32];
            Buffer.BlockCopy(okm, 0, encryption, 0, 32);
            Buffer.BlockCopy(okm, 32, mac, 0, 32);
            Array.Clear(okm, 0, okm.Length);
            return new TokenEnvelopeKeys(encryption, mac);
        }
    }

    /// <summary>HKDF (RFC 5869) with HMAC-SHA256; netstandard2.0 has no System.Security.Cryptography.HKDF.</summary>
    internal static class Hkdf
    {
        public static byte[] Extract(byte[] salt, byte[] inputKeyMaterial)
        {
            using var hmac = new HMACSHA256(salt.Length == 0 ? new byte[32] : salt);
            return hmac.ComputeHash(inputKeyMaterial);
        }

        public static byte[] Expand(byte[] pseudoRandomKey, byte[] info, int length)
        {
            if (length <= 0 || length > 255 * 32)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            byte[] output = new byte[length];
            byte[] previous = new byte[0];
            using var hmac = new HMACSHA256(pseudoRandomKey);
            int written = 0;
            for (byte counter = 1; written < length; counter++)
            {
                byte[] input = new byte[previous.Length + info.Length + 1];
                Buffer.BlockCopy(previous, 0, input, 0, previous.Length);
                Buffer.BlockCopy(info, 0, input, previous.Length, info.Length);
                input[input.Length - 1] = counter;
                previous = hmac.ComputeHash(input);
                int take = Math.Min(previous.Length, length - written);
                Buffer.BlockCopy(previous, 0, output, written, take);
                written += take;
            }

            return output;
        }
    }
}
