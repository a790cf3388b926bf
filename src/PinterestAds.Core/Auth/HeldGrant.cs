using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// The token pair one context holds in memory, shared by every thread of that context. It only
    /// ever holds private copies, so a later change to a cache document never reaches it.
    /// </summary>
    internal sealed class HeldGrant
    {
        private readonly object _sync = new object();
        private TokenEntry _entry;
        private bool _forgotten;

        public HeldGrant(TokenEntry entry)
        {
            _entry = entry;
        }

        public TokenEntry Current
        {
            get
            {
                lock (_sync)
                {
                    return _entry;
                }
            }
        }

        /// <summary>Holds a copy of <paramref name="entry"/> from now on and returns that copy.</summary>
        public TokenEntry Adopt(TokenEntry entry)
        {
            var copy = entry.Clone();
            lock (_sync)
            {
                _entry = copy;
            }

            return copy;
        }

        /// <summary>
        /// Drops the tokens for good and returns what was held, so the caller can remove it from the
        /// cache too. Only the ids stay: they still name the grant's lock.
        /// </summary>
        public TokenEntry Forget()
        {
            lock (_sync)
            {
                var held = _entry;
                _forgotten = true;
                _entry = new TokenEntry { ClientId = held.ClientId, ApiBaseUri = held.ApiBaseUri, GrantId = held.GrantId };
                return held;
            }
        }

        /// <summary>A forgotten sign-in (Disconnect-PinterestAds) is never revived, not even by a refresh already waiting for the lock.</summary>
        public void ThrowIfForgotten()
        {
            if (_forgotten)
            {
                throw PinterestAdsException.NotConnected();
            }
        }
    }
}
