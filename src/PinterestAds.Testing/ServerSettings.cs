using System;

namespace PinterestAds.Testing
{
    /// <summary>Knobs shared by the endpoints; read on every request so changes apply immediately.</summary>
    internal sealed class ServerSettings
    {
        private readonly object _sync = new object();
        private TimeSpan _accessTokenLifetime = TimeSpan.FromDays(30);
        private TimeSpan _refreshTokenLifetime = TimeSpan.FromDays(60);
        private TimeSpan _authorizationCodeLifetime = TimeSpan.FromMinutes(10);
        private bool _honourIdempotencyKey = true;
        private bool _denyAuthorization;
        private bool _trialAccess;

        public TimeSpan AccessTokenLifetime
        {
            get { lock (_sync) { return _accessTokenLifetime; } }
            set { lock (_sync) { _accessTokenLifetime = Positive(value); } }
        }

        public TimeSpan RefreshTokenLifetime
        {
            get { lock (_sync) { return _refreshTokenLifetime; } }
            set { lock (_sync) { _refreshTokenLifetime = Positive(value); } }
        }

        public TimeSpan AuthorizationCodeLifetime
        {
            get { lock (_sync) { return _authorizationCodeLifetime; } }
            set { lock (_sync) { _authorizationCodeLifetime = Positive(value); } }
        }

        public bool HonourIdempotencyKey
        {
            get { lock (_sync) { return _honourIdempotencyKey; } }
            set { lock (_sync) { _honourIdempotencyKey = value; } }
        }

        public bool DenyAuthorization
        {
            get { lock (_sync) { return _denyAuthorization; } }
            set { lock (_sync) { _denyAuthorization = value; } }
        }

        /// <summary>The app has Trial access: creating pins is refused with code 29 as in production.</summary>
        public bool TrialAccess
        {
            get { lock (_sync) { return _trialAccess; } }
            set { lock (_sync) { _trialAccess = value; } }
        }

        private static TimeSpan Positive(TimeSpan value) =>
            value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "The lifetime must be positive.");
    }
}
