<#
.SYNOPSIS
    The hourly runbook: analytics since the last run, and the state changes webhooks would have sent.
.DESCRIPTION
    Pinterest Ads has no webhooks, so this runs on a schedule (hourly) instead. For each ad account
    it appends the daily rows since the job's last run (minus three days that late conversions
    restate) to a CSV file, then reports what changed since the last look: rejected or approved ads,
    paused or archived entities, new ones, and spend caps reached. Several workers may run it at
    once against one Redis (PINTEREST_ADS_REDIS): they split the ad accounts, and each account is
    pulled and looked at once per run.

    It expects a connection: in a runbook, Connect-PinterestAds -EnvironmentVariable with the app
    and refresh token in the secret store, and a token cache or Redis so the rotated token survives.
.PARAMETER AdAccountId
    The ad accounts to sync; default every ad account of the connection.
.PARAMETER Name
    The job's name: its watermarks and snapshots are kept under it.
.PARAMETER Path
    The CSV file the rows are appended to.
#>
# example: setup $env:PINTEREST_ADS_EXCHANGE_RATES_URI = $server.ExchangeRates.Uri
# example: check (Import-Csv (Join-Path $WorkingFolder analytics.csv)).Count | Should -Be 12
[CmdletBinding()]
param(
    [string[]] $AdAccountId = (Get-PinterestAdsContext).AdAccountIds,
    [string] $Name = 'hourly',
    [string] $Path = './analytics.csv'
)

$ErrorActionPreference = 'Stop'

# Rows go to the file as they come; an account's watermark moves only once its rows were written.
Sync-PinAnalytics -AdAccountId $AdAccountId -Name $Name |
    Select-Object AdAccountId, Level, Id, Date, Spend, Currency, SpendUsd, Impressions, Clicks, Conversions |
    Export-Csv -Path $Path -Append

# What a webhook would have said, once each. Send these to chat or mail; here they are output.
Get-PinStateChange -AdAccountId $AdAccountId -Name $Name |
    ForEach-Object { "$($_.Change): $($_.Message)" }
