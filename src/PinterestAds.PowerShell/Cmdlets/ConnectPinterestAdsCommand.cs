using System.Management.Automation;
using System.Security;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Session;
using PinterestAds.PowerShell.Auth;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets
{
    /// <summary>
    /// Signs in to Pinterest Ads and makes the connection the session default: in the browser,
    /// with an authorization code, a refresh token, an access token, or from environment variables.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "PinterestAds", DefaultParameterSetName = BrowserSet)]
    [OutputType(typeof(PinterestAdsContext))]
    public sealed class ConnectPinterestAdsCommand : PSCmdlet
    {
        private const string BrowserSet = "Browser";
        private const string CodeSet = "AuthorizationCode";
        private const string RefreshSet = "RefreshToken";
        private const string AccessSet = "AccessToken";
        private const string EnvironmentSet = "EnvironmentVariable";

        private readonly CoreRunner _core;

        public ConnectPinterestAdsCommand()
        {
            _core = new CoreRunner(this);
        }

        /// <summary>An authorization code from Pinterest's redirect (signed in elsewhere).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CodeSet)]
        public SecureString AuthorizationCode { get; set; } = null!;

        /// <summary>The redirect URI registered for the app; the browser sign-in listens on it.</summary>
        [Parameter(ParameterSetName = BrowserSet)]
        [Parameter(ParameterSetName = CodeSet)]
        [ValidateNotNullOrEmpty]
        public string? RedirectUri { get; set; }

        /// <summary>Prints the sign-in address instead of opening a browser, then waits for the redirect.</summary>
        [Parameter(ParameterSetName = BrowserSet)]
        public SwitchParameter NoBrowser { get; set; }

        /// <summary>A refresh token (rotated by Pinterest on every refresh).</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshSet)]
        public SecureString RefreshToken { get; set; } = null!;

        /// <summary>An access token; used until it expires, never renewed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessSet)]
        public SecureString AccessToken { get; set; } = null!;

        /// <summary>Reads the app and tokens from PINTEREST_ADS_* environment variables.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
        public SwitchParameter EnvironmentVariable { get; set; }

        /// <summary>The Pinterest app id; defaults to PINTEREST_ADS_CLIENT_ID.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        /// <summary>The app secret; defaults to PINTEREST_ADS_CLIENT_SECRET.</summary>
        [Parameter]
        public SecureString? ClientSecret { get; set; }

        /// <summary>Production (default) or Sandbox.</summary>
        [Parameter]
        [ValidateSet("Production", "Sandbox")]
        public PinterestEnvironment Environment { get; set; }

        /// <summary>Another API base address (https, or http on loopback); defaults to PINTEREST_ADS_API_BASE_URI.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ApiBaseUri { get; set; }

        /// <summary>OAuth scopes requested at sign-in.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Scope")]
        [ArgumentCompleter(typeof(ScopeCompleter))]
        public string[]? Scopes { get; set; }

        /// <summary>StackExchange.Redis configuration shared by workers; defaults to PINTEREST_ADS_REDIS.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RedisConfiguration { get; set; }

        /// <summary>Request budget per rolling hour; defaults to PINTEREST_ADS_REQUESTS_PER_HOUR, else 1000.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int RequestsPerHour { get; set; }

        /// <summary>A folder for a persistent token cache; defaults to PINTEREST_ADS_TOKEN_CACHE.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TokenCachePath { get; set; }

        /// <summary>Returns the context.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Leaves the session default as it is (use the context with -Context).</summary>
        [Parameter]
        public SwitchParameter DoNotSetDefault { get; set; }

        protected override void EndProcessing()
        {
            var settings = ResolveSettings();
            BrowserSignIn? browser = null;
            try
            {
                if (settings.Method == SignInMethod.Browser)
                {
                    browser = StartBrowserSignIn(settings);
                }

                PinterestAdsContext? context = null;
                _core.Run(async (bridge, ct) => context = await PinterestAdsConnector.ConnectAsync(settings, browser, bridge, ct).ConfigureAwait(false));

                if (!DoNotSetDefault)
                {
                    ContextStore.Current = context;
                }

                if (PassThru)
                {
                    WriteObject(context);
                }
            }
            finally
            {
                browser?.Dispose();
            }
        }

        protected override void StopProcessing() => _core.Stop();

        private ConnectSettings ResolveSettings()
        {
            var input = new ConnectInput
            {
                Method = ParameterSetName switch
                {
                    CodeSet => SignInMethod.AuthorizationCode,
                    RefreshSet => SignInMethod.RefreshToken,
                    AccessSet => SignInMethod.AccessToken,
                    _ => SignInMethod.Browser,
                },
                FromEnvironment = ParameterSetName == EnvironmentSet,
                ClientId = ClientId,
                ClientSecret = SecureStrings.Reveal(ClientSecret),
                Environment = MyInvocation.BoundParameters.ContainsKey(nameof(Environment)) ? Environment : (PinterestEnvironment?)null,
                ApiBaseUri = ApiBaseUri,
                Scopes = Scopes,
                RedisConfiguration = RedisConfiguration,
                RequestsPerHour = MyInvocation.BoundParameters.ContainsKey(nameof(RequestsPerHour)) ? RequestsPerHour : (int?)null,
                TokenCachePath = TokenCachePath is null ? null : GetUnresolvedProviderPathFromPSPath(TokenCachePath),
                RedirectUri = RedirectUri,
                AuthorizationCode = ParameterSetName == CodeSet ? SecureStrings.Reveal(AuthorizationCode) : null,
                RefreshToken = ParameterSetName == RefreshSet ? SecureStrings.Reveal(RefreshToken) : null,
                AccessToken = ParameterSetName == AccessSet ? SecureStrings.Reveal(AccessToken) : null,
            };

            try
            {
                return ConnectSettings.Resolve(input, System.Environment.GetEnvironmentVariable);
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex));
                throw;
            }
        }

        private BrowserSignIn StartBrowserSignIn(ConnectSettings settings)
        {
            if (!NoBrowser && HostInteractivity.WhyNotInteractive(this) is string reason)
            {
                ThrowTerminatingError(ErrorRecords.From(new PinterestAdsException(
                    "nonInteractiveHost",
                    FailureKind.InvalidArgument,
                    $"Connect-PinterestAds cannot sign in with a browser here: {reason}. Nothing was opened and nothing was sent.",
                    "In automation, use Connect-PinterestAds -RefreshToken <SecureString> or -EnvironmentVariable (PINTEREST_ADS_CLIENT_ID, PINTEREST_ADS_CLIENT_SECRET, PINTEREST_ADS_REFRESH_TOKEN).")));
            }

            BrowserSignIn browser;
            try
            {
                browser = PinterestAdsConnector.BeginBrowserSignIn(settings);
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex));
                throw;
            }

            bool opened = !NoBrowser && BrowserLauncher.TryOpen(browser.AuthorizeUri);
            string lead = opened
                ? "A browser window was opened to sign in to Pinterest. If it did not appear, open this address:"
                : "To sign in to Pinterest Ads, open this address in a browser:";
            WriteHost($"{lead}\n{browser.AuthorizeUri.AbsoluteUri}\nWaiting for the sign-in to return to {settings.RedirectUri} (Ctrl+C cancels).");
            return browser;
        }

        private void WriteHost(string text) =>
            WriteInformation(new HostInformationMessage { Message = text, NoNewLine = false }, new[] { "PSHOST" });
    }
}
