<#
.SYNOPSIS
    Demo section: a board, a small video uploaded, a video pin made of it, and an ad of that pin.
.DESCRIPTION
    Run by the main demo after the ads section (Connect-PinterestAds made the session default
    context). Creates a secret board, uploads a short video with Send-PinMedia (a progress bar
    while it goes, then the wait for Pinterest's processing), pipes the media into
    New-PinCreative for a video pin, and pipes the pin into New-PinAd. It also shows that an Idea
    Pin API v5 cannot make is refused before anything is sent.
.PARAMETER AdAccountId
    The ad account the pin is made for and the ad goes into; defaults to the first one the connection found.
.PARAMETER AdGroupId
    The ad group of the ad; defaults to the account's first ad group.
.EXAMPLE
    ./examples/Demo.Creatives.ps1 -AdAccountId $server.DefaultAdAccountId
#>
param(
    [string] $AdAccountId = (Get-PinterestAdsContext).AdAccountIds[0],
    [string] $AdGroupId = (Get-PinAdGroup -AdAccountId $AdAccountId -First 1).Id
)

Write-Host "`n== A board, a video, a video pin and an ad of it ==" -ForegroundColor Cyan

$demoBoard = New-PinBoard -Name 'Demo spring videos' -Description 'Videos for the spring sale' -Privacy SECRET
$demoBoard | Format-Table | Out-Host

# A stand-in for a real clip: Pinterest (and the fake) read a video's container header, so an MP4
# header and half a megabyte after it make a video the fake processes.
$demoVideo = Join-Path ([System.IO.Path]::GetTempPath()) "pinterestads-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8)).mp4"
[System.IO.File]::WriteAllBytes($demoVideo, [byte[]](0, 0, 0, 24) + [System.Text.Encoding]::ASCII.GetBytes('ftypisom') + [byte[]]::new(512KB))
try {
    Write-Host 'Send-PinMedia registers the video, streams it to the upload host and waits for processing:' -ForegroundColor Cyan
    $demoMedia = Send-PinMedia -LiteralPath $demoVideo
    $demoMedia | Format-Table | Out-Host

    Write-Host 'The media piped into New-PinCreative makes a video pin; the pin piped into New-PinAd makes the ad:' -ForegroundColor Cyan
    $demoPin = $demoMedia | New-PinCreative -Type Video -BoardId $demoBoard.BoardId -AdAccountId $AdAccountId `
        -Title 'Spring in motion' -Link 'https://shop.example/spring' -CoverKeyFrameTime 1
    $demoPin | Format-Table | Out-Host
    $demoVideoAd = $demoPin | New-PinAd -AdGroupId $AdGroupId -CreativeType VIDEO -Name 'Demo video ad'
    $demoVideoAd | Format-Table | Out-Host
}
finally {
    Remove-Item -LiteralPath $demoVideo -ErrorAction Ignore
}

Write-Host 'An Idea Pin of an image and a video maps onto nothing v5 can create, so nothing is sent:' -ForegroundColor Cyan
New-PinCreative -Type IdeaPin -BoardId $demoBoard.BoardId -Page @{ ImageUrl = 'https://shop.example/1.jpg' }, @{ MediaId = $demoMedia.MediaId } `
    -ErrorVariable demoRefused -ErrorAction SilentlyContinue | Out-Null
Write-Host $demoRefused[0].Exception.Message
