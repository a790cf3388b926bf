using System.Security.Cryptography;
using System.Text;
using PinterestAds.Core.Coordination;
using Xunit;

namespace PinterestAds.Core.Tests.Coordination;

public sealed class TokenEnvelopeTests
{
    private static TokenEnvelopeKeys Keys(string secret, string context = "entry|ctx") =>
        TokenEnvelopeKeys.Derive(Hkdf.Extract(Encoding.ASCII.GetBytes("salt"), Encoding.UTF8.GetBytes(secret)), context);

    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("{\"refreshToken\":\"pinr.secret-refresh-token\"}");

    [Fact]
    public void A_sealed_value_opens_with_the_same_keys_and_associated_data()
    {
        var keys = Keys("client-secret");
        byte[] sealedValue = TokenEnvelope.Seal(Secret, keys, "key|1");

        Assert.True(TokenEnvelope.TryOpen(sealedValue, keys, "key|1", out byte[] opened));
        Assert.Equal(Secret, opened);
        Assert.DoesNotContain("pinr.secret", Encoding.UTF8.GetString(sealedValue));
        Assert.Equal(TokenEnvelope.FormatVersion, sealedValue[0]);
    }

    [Fact]
    public void Sealing_twice_gives_different_bytes()
    {
        var keys = Keys("client-secret");
        Assert.NotEqual(TokenEnvelope.Seal(Secret, keys, "k"), TokenEnvelope.Seal(Secret, keys, "k"));
    }

    [Fact]
    public void Changing_any_byte_makes_the_value_unreadable()
    {
        var keys = Keys("client-secret");
        byte[] sealedValue = TokenEnvelope.Seal(Secret, keys, "key|1");
        for (int i = 0; i < sealedValue.Length; i++)
        {
            byte[] tampered = (byte[])sealedValue.Clone();
            tampered[i] ^= 0x01;
            Assert.False(TokenEnvelope.TryOpen(tampered, keys, "key|1", out _), $"byte {i}");
        }

        Assert.False(TokenEnvelope.TryOpen(sealedValue[..^1], keys, "key|1", out _));
        Assert.False(TokenEnvelope.TryOpen(sealedValue.Concat(new byte[16]).ToArray(), keys, "key|1", out _));
        Assert.False(TokenEnvelope.TryOpen(Array.Empty<byte>(), keys, "key|1", out _));
        Assert.False(TokenEnvelope.TryOpen(null, keys, "key|1", out _));
    }

    [Fact]
    public void Another_secret_context_or_associated_data_cannot_open_it()
    {
        var keys = Keys("client-secret");
        byte[] sealedValue = TokenEnvelope.Seal(Secret, keys, "key|1");

        Assert.False(TokenEnvelope.TryOpen(sealedValue, Keys("another-secret"), "key|1", out _));
        Assert.False(TokenEnvelope.TryOpen(sealedValue, Keys("client-secret", "entry|other-lineage"), "key|1", out _));
        Assert.False(TokenEnvelope.TryOpen(sealedValue, keys, "key|2", out _));
        Assert.False(TokenEnvelope.TryOpen(sealedValue, keys, "other-key|1", out _));
    }

    [Fact]
    public void Hkdf_matches_the_RFC_5869_test_case_1()
    {
        byte[] ikm = Enumerable.Repeat((byte)0x0b, 22).ToArray();
        byte[] salt = Convert.FromHexString("000102030405060708090a0b0c");
        byte[] info = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9");

        byte[] prk = Hkdf.Extract(salt, ikm);
        byte[] okm = Hkdf.Expand(prk, info, 42);

        Assert.Equal("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", Convert.ToHexString(prk).ToLowerInvariant());
        Assert.Equal("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", Convert.ToHexString(okm).ToLowerInvariant());
        Assert.Equal(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 42, salt, info), okm);
    }
}
