<#
.SYNOPSIS
    Demo section: a campaign, an ad group and an ad, then the campaign paused, shown as tables.
.DESCRIPTION
    Dot-sourced by the main demo after it has connected (Connect-PinterestAds makes the session
    default context). Creates a campaign with a daily spend cap, an ad group with a budget, a bid
    and targeting under it, and an ad with a "Shop now" button for a pin; pauses the campaign; and
    shows the three as tables (money with the account's currency, the ad's review status). It also
    shows that a call to action Pinterest does not have is refused before anything is sent.
.PARAMETER AdAccountId
    The ad account to use; defaults to the first one the connection found.
.PARAMETER PinId
    The pin the ad promotes.
.EXAMPLE
    . ./examples/Demo.Ads.ps1 -AdAccountId $server.DefaultAdAccountId
#>
param(
    [string] $AdAccountId = (Get-PinterestAdsContext).AdAccountIds[0],
    [string] $PinId = '1016239833598937'
)

Write-Host "`n== Campaigns, ad groups and ads in ad account $AdAccountId ==" -ForegroundColor Cyan

$demoCampaign = New-PinCampaign -AdAccountId $AdAccountId -Name 'Demo spring sale' -ObjectiveType CONSIDERATION `
    -DailySpendCap 25.50 -StartTime (Get-Date).Date.AddDays(1) -TrackingUrls @{ click = 'https://track.example/click' }

$demoAdGroup = $demoCampaign | New-PinAdGroup -Name 'Demo women US' -BillableEvent CLICKTHROUGH -Budget 12.5 -Bid 0.85 `
    -Targeting @{ LOCATION = 'US'; GENDER = 'female'; APPTYPE = 'iphone', 'web'; MINIMUM_AGE = 25; MAXIMUM_AGE = '54' }

$demoAd = $demoAdGroup | New-PinAd -PinId $PinId -CreativeType REGULAR -Name 'Demo pin ad' `
    -CallToAction 'Shop now' -DestinationUrl 'https://shop.example/spring'

Write-Host "Created campaign $($demoCampaign.Id) (cap $($demoCampaign.SpendCap)), ad group $($demoAdGroup.Id) and ad $($demoAd.Id) (button $($demoAd.CallToAction))."

Write-Host "`nA call to action Pinterest does not have is refused before sending:" -ForegroundColor Cyan
$demoAdGroup | New-PinAd -PinId $PinId -CreativeType REGULAR -CallToAction 'Install now' -ErrorVariable demoRefused -ErrorAction SilentlyContinue | Out-Null
Write-Host $demoRefused[0].Exception.Message

Write-Host "`nPausing the campaign:" -ForegroundColor Cyan
$demoCampaign = $demoCampaign | Suspend-PinCampaign -PassThru

Write-Host "`nCampaigns:" -ForegroundColor Cyan
Get-PinCampaign -AdAccountId $AdAccountId -Id $demoCampaign.Id | Format-Table | Out-Host
Write-Host 'Ad groups:' -ForegroundColor Cyan
$demoCampaign | Get-PinAdGroup | Format-Table | Out-Host
Write-Host 'Ads:' -ForegroundColor Cyan
$demoAdGroup | Get-PinAd | Format-Table | Out-Host

Write-Host "`nA week of analytics for the campaign (spend also in US dollars):" -ForegroundColor Cyan
$demoCampaign | Get-PinAnalytics | Format-Table | Out-Host
