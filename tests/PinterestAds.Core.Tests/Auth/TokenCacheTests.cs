using System.Text;
using PinterestAds.Core.Auth;
using Xunit;

namespace PinterestAds.Core.Tests.Auth;

public sealed class TokenCacheTests
{
    [Fact]
    public async Task The_plaintext_cache_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // DPAPI is always available there; file modes are a Unix matter.
        }

        using var kit = new AuthTestKit();
        await kit.StartFromRefreshTokenAsync(kit.Endpoint.IssueRefreshToken());

        string file = Path.Combine(kit.CacheFolder, TokenCacheFactory.PlaintextFileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(kit.CacheFolder));
    }

    [Fact]
    public void An_existing_file_with_wider_permissions_is_narrowed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var kit = new AuthTestKit();
        Directory.CreateDirectory(kit.CacheFolder);
        string file = Path.Combine(kit.CacheFolder, TokenCacheFactory.PlaintextFileName);
        File.WriteAllText(file, "{}");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var cache = kit.NewPlaintextCache();
        cache.Write(new TokenCacheDocument());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void A_corrupt_cache_reads_as_empty_with_a_warning()
    {
        using var kit = new AuthTestKit();
        Directory.CreateDirectory(kit.CacheFolder);
        File.WriteAllText(Path.Combine(kit.CacheFolder, TokenCacheFactory.PlaintextFileName), "{ not json");

        var document = kit.NewPlaintextCache().Read(kit.Observer);
        Assert.Empty(document.Grants);
        Assert.Contains("WARNING", kit.Observer.AllText);
    }

    [Fact]
    public void Without_a_key_store_or_a_folder_tokens_stay_in_memory()
    {
        var observer = new RecordingObserver();
        var storage = TokenCacheFactory.Open(null, observer, tryEncrypted: false);
        Assert.Equal(TokenCacheKind.Memory, storage.Kind);
        Assert.Null(storage.FilePath);
        Assert.DoesNotContain("WARNING", observer.AllText);
        Assert.Contains("PINTEREST_ADS_TOKEN_CACHE", observer.AllText);
    }

    [Fact]
    public void A_named_folder_without_a_key_store_is_a_plaintext_file_with_exactly_one_warning()
    {
        using var kit = new AuthTestKit();
        var storage = TokenCacheFactory.Open(kit.CacheFolder, kit.Observer, tryEncrypted: false);
        Assert.Equal(TokenCacheKind.PlaintextFile, storage.Kind);
        Assert.Equal(Path.Combine(kit.CacheFolder, TokenCacheFactory.PlaintextFileName), storage.FilePath);
        Assert.Single(kit.Observer.Messages, m => m.StartsWith("WARNING", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_given_as_the_cache_folder_is_refused_naming_the_parameter()
    {
        string file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<PinterestAds.Core.Errors.PinterestAdsException>(() => TokenCacheFactory.Open(file, new RecordingObserver(), tryEncrypted: false));
            Assert.StartsWith("-TokenCachePath:", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_memory_cache_is_shared_by_contexts_of_one_process()
    {
        using var kit = new AuthTestKit();
        var memory = new MemoryTokenStorage(Path.Combine(kit.CacheFolder, "memory-test.lock"));
        string original = kit.Endpoint.IssueRefreshToken();
        await kit.StartFromRefreshTokenAsync(original, new TokenCache(memory));
        await kit.StartFromRefreshTokenAsync(original, new TokenCache(memory));
        Assert.Equal(1, kit.Endpoint.RefreshCount);
        memory.Clear();
    }

    [Fact]
    public void Pruning_drops_grants_whose_refresh_token_expired()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(10_000_000);
        var document = new TokenCacheDocument();
        document.Put(new TokenEntry { GrantId = "live", RefreshToken = "a", RefreshTokenExpiresAt = 10_000_100, UpdatedAt = 9_999_000 });
        document.Put(new TokenEntry { GrantId = "dead", RefreshToken = "b", RefreshTokenExpiresAt = 9_999_999, UpdatedAt = 9_999_000 });
        document.Prune(now);
        Assert.Equal("live", Assert.Single(document.Grants).GrantId);
    }

    [Fact]
    public void The_lineage_is_bounded_and_keeps_its_root()
    {
        var entry = new TokenEntry();
        entry.AddToLineage("root-token-000");
        for (int i = 0; i < TokenEntry.MaxLineage + 10; i++)
        {
            entry.AddToLineage("rotated-" + i);
        }

        Assert.Equal(TokenEntry.MaxLineage, entry.Lineage.Count);
        Assert.Equal(TokenEntry.Hash("root-token-000"), entry.Lineage[0]);
        Assert.True(entry.DescendsFrom(TokenEntry.Hash("rotated-" + (TokenEntry.MaxLineage + 9))));
        Assert.Equal(64, Encoding.ASCII.GetByteCount(entry.Lineage[0]));
    }
}
