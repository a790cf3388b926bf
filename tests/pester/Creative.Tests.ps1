#Requires -Version 7.2
<#
    Boards and pins over HTTP against the fake Pinterest API, through the built module: every pin
    shape v5 allows with its body checked against Pinterest's spec, Idea Pins mapped onto those
    shapes or refused, video pins that wait for their media, limits refused with nothing sent,
    scope and trial-access errors that say what to do, lost creates reconciled, and pins that
    become ads through the pipeline.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:savedState = $env:PINTEREST_ADS_STATE_DIRECTORY
    $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state'
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $script:board = New-PinBoard -Name 'Creatives' -Description 'Test pins'
    $script:folder = Join-Path $TestDrive 'files'
    New-Item -ItemType Directory -Path $folder | Out-Null

    function New-TestFile([string] $Name, [byte[]] $Head, [int] $Length = 2KB) {
        $bytes = [byte[]]::new([Math]::Max($Length, $Head.Length))
        [Array]::Copy($Head, $bytes, $Head.Length)
        $path = Join-Path $folder $Name
        [System.IO.File]::WriteAllBytes($path, $bytes)
        $path
    }
    $script:png = New-TestFile 'photo.png' ([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
    $script:jpegNamedPng = New-TestFile 'really-a-jpeg.png' ([byte[]](0xFF, 0xD8, 0xFF, 0xE0))
    $script:gif = New-TestFile 'anim.jpg' ([System.Text.Encoding]::ASCII.GetBytes('GIF89a'))
    $script:video = New-TestFile 'clip.mp4' ([byte[]](0, 0, 0, 24) + [System.Text.Encoding]::ASCII.GetBytes('ftypisom')) 64KB

    function Get-PinPosts { @($server.Requests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/pins' }) }

    function Get-SentSource {
        # The media_source of the last pin sent, after checking its body and query against the spec.
        $post = (Get-PinPosts)[-1]
        if ($contract) {
            $result = $contract.Validate($post.Method, $post.Path, $post.Query, $post.Body, $post.Header('Content-Type'))
            $result.IsValid | Should -BeTrue -Because ($result.ToString())
        }
        ($post.Body | ConvertFrom-Json).media_source
    }

    function New-Pin {
        [CmdletBinding()]
        param([hashtable] $Given)
        # A pin on the test board, titled unless the test says otherwise.
        $splat = @{ BoardId = $board.BoardId; Title = 'A pin' }
        foreach ($key in $Given.Keys) { $splat[$key] = $Given[$key] }
        New-PinCreative @splat
    }
}

AfterAll {
    $server.Dispose()
    $env:PINTEREST_ADS_STATE_DIRECTORY = $savedState
}

Describe 'New-PinBoard and Get-PinBoard' {
    It 'creates a board with an Idempotency-Key and reads it back, by id and by listing' {
        $made = New-PinBoard -Name 'Summer' -Privacy SECRET
        $made.PSTypeNames[0] | Should -Be 'PinterestAds.Board'
        $made.Id | Should -Be $made.BoardId
        $made.Privacy | Should -Be 'SECRET'
        $post = @($server.Requests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/boards' })[-1]
        $post.Header('Idempotency-Key') | Should -Not -BeNullOrEmpty
        if ($contract) { $contract.Validate('POST', $post.Path, $post.Query, $post.Body, $post.Header('Content-Type')).IsValid | Should -BeTrue }

        (Get-PinBoard -BoardId $made.BoardId).Name | Should -Be 'Summer'
        (Get-PinBoard -All -PageSize 1).BoardId | Should -Contain $made.BoardId
        ($made | Format-Table | Out-String) | Should -Match "Summer\s+$($made.BoardId)\s+SECRET"
    }

    It 'returns the first board on a re-run with the same -IdempotencyKey, and numbers the key per record' {
        $first = New-PinBoard -Name 'Keyed' -IdempotencyKey 'boards-run-1'
        $again = New-PinBoard -Name 'Keyed' -IdempotencyKey 'boards-run-1'
        $again.BoardId | Should -Be $first.BoardId
        $posts = @($server.Requests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/boards' -and $_.Header('Idempotency-Key') -like 'boards-run-1*' })
        $posts.Count | Should -Be 1 -Because 'the journal answers the re-run'

        $two = 'Keyed A', 'Keyed B' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | New-PinBoard -IdempotencyKey 'boards-run-2'
        $two.BoardId | Select-Object -Unique | Should -HaveCount 2
        @($server.Requests | Where-Object { $_.Path -eq '/v5/boards' -and $_.Method -eq 'POST' } | Select-Object -Last 2 | ForEach-Object { $_.Header('Idempotency-Key') }) |
            Should -Be @('boards-run-2', 'boards-run-2-2')
    }

    It 'makes an ads-only board as Pinterest names it' {
        $made = New-PinBoard -Name 'Ignored' -AdsOnly
        $made.IsAdsOnly | Should -BeTrue
        $made.Privacy | Should -Be 'PROTECTED'
    }

    It 'refuses <Case> before sending' -ForEach @(
        @{ Case = 'an unknown privacy'; Arguments = @{ Name = 'x'; Privacy = 'HIDDEN' }; Parameter = 'Privacy'; Rule = 'PUBLIC' }
        @{ Case = 'an empty name'; Arguments = @{ Name = ' ' }; Parameter = 'Name'; Rule = '' }
    ) {
        Assert-RefusedBeforeSending -Server $server -Parameter $Parameter -Rule $Rule -Action { New-PinBoard @Arguments }
    }
}

Describe 'New-PinCreative shapes' {
    It 'makes an image pin from a URL, typed, and says which shape it sent' {
        $pin = New-Pin @{ Type = 'Image'; ImageUrl = 'https://shop.example/a.jpg'; Link = 'https://shop.example/a'; Description = 'Look'; AltText = 'A red coat' }
        $pin.PSTypeNames[0] | Should -Be 'PinterestAds.Creative'
        $pin.Id | Should -Be $pin.PinId
        $pin.Type | Should -Be 'Image'
        $pin.PinShape | Should -Be 'image_url'
        $pin.BoardId | Should -Be $board.BoardId
        $source = Get-SentSource
        $source.source_type | Should -Be 'image_url'
        $source.url | Should -Be 'https://shop.example/a.jpg'
        (Get-PinPosts)[-1].Header('Idempotency-Key') | Should -Not -BeNullOrEmpty
        ($pin | Format-Table | Out-String) | Should -Match "A pin\s+$($pin.PinId)\s+Image\s+image_url"
    }

    It 'sends an image file inline as base64, its type taken from its bytes, not its name' {
        $pin = New-Pin @{ Type = 'Image'; ImagePath = $jpegNamedPng }
        $pin.PinShape | Should -Be 'image_base64'
        $source = Get-SentSource
        $source.content_type | Should -Be 'image/jpeg'
        [Convert]::FromBase64String($source.data).Length | Should -Be 2KB

        (New-Pin @{ Type = 'Image'; ImagePath = $png }).PinShape | Should -Be 'image_base64'
        (Get-SentSource).content_type | Should -Be 'image/png'
    }

    It 'makes a video pin of processed media with a cover <Cover>' -ForEach @(
        @{ Cover = 'URL'; Arguments = @{ CoverImageUrl = 'https://shop.example/cover.jpg' }; Field = 'cover_image_url' }
        @{ Cover = 'file'; Arguments = @{ CoverImagePath = 'photo.png' }; Field = 'cover_image_data' }
        @{ Cover = 'key frame'; Arguments = @{ CoverKeyFrameTime = 3 }; Field = 'cover_image_key_frame_time' }
    ) {
        $media = $server.Media.AddProcessedVideo()
        Push-Location $folder
        try { $pin = New-Pin (@{ Type = 'Video'; MediaId = $media } + $Arguments) }
        finally { Pop-Location }
        $pin.PinShape | Should -Be 'video_id'
        $source = Get-SentSource
        $source.media_id | Should -Be $media
        $source.PSObject.Properties.Name | Should -Contain $Field
    }

    It 'uploads -VideoPath first, waits for processing, then references the new media' {
        $server.Media.ProcessingPolls = 2
        $pin = New-Pin @{ Type = 'Video'; VideoPath = $video; CoverKeyFrameTime = 1 }
        $media = $server.Media.MediaIds[-1]
        $server.Media.GetMedia($media).Status | Should -Be 'succeeded'
        (Get-SentSource).media_id | Should -Be $media
        $pin.Type | Should -Be 'Video'
        $upload = @($server.Requests | Where-Object Path -EQ '/media-upload/')[-1]
        $upload.Sequence | Should -BeLessThan (Get-PinPosts)[-1].Sequence
    }

    It 'makes a carousel of <Count> slides' -ForEach @(@{ Count = 2 }, @{ Count = 5 }) {
        $slides = 1..$Count | ForEach-Object { @{ ImageUrl = "https://shop.example/$_.jpg"; Title = "Slide $_"; Link = "https://shop.example/$_" } }
        $pin = New-Pin @{ Type = 'Carousel'; Slide = $slides }
        $pin.PinShape | Should -Be 'multiple_image_urls'
        $source = Get-SentSource
        $source.items.Count | Should -Be $Count
        $source.items[0].title | Should -Be 'Slide 1'
    }

    It 'sends a carousel with a slide from a file as base64 images' {
        $pin = New-Pin @{ Type = 'Carousel'; Slide = @(@{ ImagePath = $png }, [pscustomobject]@{ ImagePath = $jpegNamedPng; Title = 'Two' }) }
        $pin.PinShape | Should -Be 'multiple_image_base64'
        (Get-SentSource).items.content_type | Should -Be @('image/png', 'image/jpeg')
    }

    It 'maps an Idea Pin of <Pages> onto <Shape>' -ForEach @(
        @{ Pages = 'three image pages'; Shape = 'multiple_image_urls'; Page = @(@{ ImageUrl = 'https://i.example/1.jpg' }, @{ ImageUrl = 'https://i.example/2.jpg' }, @{ ImageUrl = 'https://i.example/3.jpg' }) }
        @{ Pages = 'one image page'; Shape = 'image_url'; Page = @(@{ ImageUrl = 'https://i.example/1.jpg'; Title = 'Page title' }) }
    ) {
        $pin = New-Pin @{ Type = 'IdeaPin'; Page = $Page }
        $pin.Type | Should -Be 'IdeaPin'
        $pin.PinShape | Should -Be $Shape
        (Get-SentSource).source_type | Should -Be $Shape
    }

    It 'maps an Idea Pin of one video page onto a video pin' {
        $media = $server.Media.AddProcessedVideo()
        $pin = New-Pin @{ Type = 'IdeaPin'; Page = @(@{ MediaId = $media }); CoverKeyFrameTime = 0 }
        $pin.PinShape | Should -Be 'video_id'
        (Get-SentSource).media_id | Should -Be $media
    }

    It 'refuses an Idea Pin of images and a video, which v5 cannot make, with nothing sent' {
        $record = Assert-RefusedBeforeSending -Server $server -Parameter Page -Rule 'cannot create Idea Pins' -Action {
            New-Pin @{ Type = 'IdeaPin'; Page = @(@{ ImageUrl = 'https://i.example/1.jpg' }, @{ VideoPath = $video }) }
        }
        $record.Exception.Message | Should -Match '1 image\(s\) and 1 video\(s\).*Nothing was sent'
    }
}

Describe 'Video pins whose media is not ready' {
    It 'never sends a pin for media that is <State>' -ForEach @(
        @{ State = 'still processing'; ErrorId = 'mediaNotReady'; Rule = 'is still processing \(status processing\); nothing was sent'; Setup = { $server.Media.ProcessingPolls = 50; (Send-PinMedia $video -NoWait).MediaId } }
        @{ State = 'failed'; ErrorId = 'mediaFailed'; Rule = 'failed'; Setup = { $server.Media.AddProcessedVideo($false) } }
    ) {
        $media = & $Setup
        $before = (Get-PinPosts).Count
        New-Pin @{ Type = 'Video'; MediaId = $media; CoverKeyFrameTime = 1 } -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failed[0].Exception.Message | Should -Match "-MediaId: media $media $Rule"
        (Get-PinPosts).Count | Should -Be $before
        $server.Media.ProcessingPolls = 1
    }
}

Describe 'Refusing bad pin input before sending' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a title over 100 characters'; Parameter = 'Title'; Rule = '100'; Arguments = @{ Type = 'Image'; ImageUrl = 'https://i.example/1.jpg'; Title = 'x' * 101 } }
        @{ Case = 'a description over 800 characters'; Parameter = 'Description'; Rule = '800'; Arguments = @{ Type = 'Image'; ImageUrl = 'https://i.example/1.jpg'; Description = 'x' * 801 } }
        @{ Case = 'alt text over 500 characters'; Parameter = 'AltText'; Rule = '500'; Arguments = @{ Type = 'Image'; ImageUrl = 'https://i.example/1.jpg'; AltText = 'x' * 501 } }
        @{ Case = 'a link over 2048 characters'; Parameter = 'Link'; Rule = '2048|2,048'; Arguments = @{ Type = 'Image'; ImageUrl = 'https://i.example/1.jpg'; Link = 'https://shop.example/' + 'x' * 2030 } }
        @{ Case = 'a link that is not a web address'; Parameter = 'Link'; Rule = 'http or https'; Arguments = @{ Type = 'Image'; ImageUrl = 'https://i.example/1.jpg'; Link = 'javascript:alert(1)' } }
        @{ Case = 'an image URL that is not a web address'; Parameter = 'ImageUrl'; Rule = 'http or https'; Arguments = @{ Type = 'Image'; ImageUrl = 'file:///etc/passwd' } }
        @{ Case = 'an image file that is a GIF'; Parameter = 'ImagePath'; Rule = 'not a JPEG or PNG'; Arguments = @{ Type = 'Image'; ImagePath = 'anim.jpg' } }
        @{ Case = 'a missing image file'; Parameter = 'ImagePath'; Rule = 'missing\.png'; Arguments = @{ Type = 'Image'; ImagePath = 'missing.png' } }
        @{ Case = 'a carousel of one slide'; Parameter = 'Slide'; Rule = '2 to 5 slides; 1 were given'; Arguments = @{ Type = 'Carousel'; Slide = @(@{ ImageUrl = 'https://i.example/1.jpg' }) } }
        @{ Case = 'a carousel of six slides'; Parameter = 'Slide'; Rule = '2 to 5 slides; 6 were given'; Arguments = @{ Type = 'Carousel'; Slide = @(1..6 | ForEach-Object { @{ ImageUrl = "https://i.example/$_.jpg" } }) } }
        @{ Case = 'a slide with a key it does not know'; Parameter = 'Slide'; Rule = 'Colour'; Arguments = @{ Type = 'Carousel'; Slide = @(@{ ImageUrl = 'https://i.example/1.jpg'; Colour = 'red' }, @{ ImageUrl = 'https://i.example/2.jpg' }) } }
        @{ Case = 'a video pin without media'; Parameter = 'MediaId'; Rule = 'needs one of'; Arguments = @{ Type = 'Video'; CoverKeyFrameTime = 1 } }
        @{ Case = 'an image parameter on a video pin'; Parameter = 'ImageUrl'; Rule = 'does not apply to -Type Video'; Arguments = @{ Type = 'Video'; MediaId = '5212123920967240772'; ImageUrl = 'https://i.example/1.jpg' } }
        @{ Case = 'a video pin without a cover'; Parameter = 'CoverImageUrl'; Rule = 'cover'; Arguments = @{ Type = 'Video'; MediaId = '5212123920967240772' } }
        @{ Case = 'a video pin with two covers'; Parameter = 'CoverImageUrl|CoverKeyFrameTime'; Rule = 'cover'; Arguments = @{ Type = 'Video'; MediaId = '5212123920967240772'; CoverImageUrl = 'https://i.example/c.jpg'; CoverKeyFrameTime = 1 } }
        @{ Case = 'a board id that is not one'; Parameter = 'BoardId'; Rule = 'not a Pinterest id'; Arguments = @{ Type = 'Image'; ImageUrl = 'https://i.example/1.jpg'; BoardId = 'my-board' } }
    ) {
        Push-Location $folder
        try { Assert-RefusedBeforeSending -Server $server -Parameter $Parameter -Rule $Rule -Action { New-Pin $Arguments } | Out-Null }
        finally { Pop-Location }
    }
}

Describe 'Pins from a CSV file' {
    It 'binds each row by property name, blank cells counting as not given, and sends nothing with -WhatIf' {
        $csv = Join-Path $folder 'pins.csv'
        @(
            [pscustomobject]@{ Type = 'Image'; BoardId = $board.BoardId; Title = 'From CSV 1'; ImageUrl = 'https://i.example/c1.jpg'; Link = ''; Description = '' }
            [pscustomobject]@{ Type = 'Image'; BoardId = $board.BoardId; Title = 'From CSV 2'; ImageUrl = 'https://i.example/c2.jpg'; Link = 'https://shop.example/c2'; Description = 'Second' }
        ) | Export-Csv -Path $csv
        $before = $server.Requests.Count
        Import-Csv $csv | New-PinCreative -WhatIf
        $server.Requests.Count | Should -Be $before

        $pins = Import-Csv $csv | New-PinCreative
        $pins.Title | Should -Be @('From CSV 1', 'From CSV 2')
        $first = (Get-PinPosts)[-2].Body | ConvertFrom-Json
        $first.PSObject.Properties.Name | Should -Not -Contain 'link'
        $first.PSObject.Properties.Name | Should -Not -Contain 'description'
        ((Get-PinPosts)[-1].Body | ConvertFrom-Json).link | Should -Be 'https://shop.example/c2'
    }

    It 'uploads nothing for -VideoPath under -WhatIf' {
        $before = $server.Requests.Count
        New-PinCreative -Type Video -BoardId $board.BoardId -VideoPath $video -CoverKeyFrameTime 1 -WhatIf
        $server.Requests.Count | Should -Be $before
    }
}

Describe 'Errors that say what to do' {
    It 'says which scopes to reconnect with when the sign-in lacks pins and boards scopes' {
        $narrow = Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -PassThru -DoNotSetDefault `
            -AccessToken (ConvertTo-SecureString $server.IssueAccessToken('ads:read', 'ads:write') -AsPlainText -Force)
        New-PinBoard -Context $narrow -Name 'No scope' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'missingScope,*'
        $failed[0].Exception.Message | Should -Match 'boards:read, boards:write'
        $failed[0].Exception.Message | Should -Match 'run Connect-PinterestAds again'
    }

    It 'tells a Trial-access app to use the Sandbox when Pinterest refuses pins with code 29' {
        $server.TrialAccess = $true
        try {
            New-Pin @{ Type = 'Image'; ImageUrl = 'https://i.example/1.jpg' } -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally { $server.TrialAccess = $false }
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'notPermittedForApp,*'
        $failed[0].Exception.Message | Should -Match '-Environment Sandbox'
    }
}

Describe 'Lost creates' {
    It 'finds a pin whose response was lost on its board instead of making it twice' {
        $drop = $server.Faults.DropAfterCommit('POST', '/v5/pins')
        $title = "Lost $([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $pin = New-Pin @{ Type = 'Image'; ImageUrl = 'https://i.example/lost.jpg'; Title = $title; Link = 'https://shop.example/lost' }
        $drop.Hits | Should -Be 1 -Because 'Pinterest made the pin but its answer was lost'
        $pin.Title | Should -Be $title
        $made = @(Get-PinCreative -BoardId $board.BoardId -All | Where-Object Title -EQ $title)
        $made.Count | Should -Be 1
        $made[0].PinId | Should -Be $pin.PinId
        @(Get-PinPosts | Where-Object Body -Match $title).Count | Should -Be 1 -Because 'the lost create is looked for, not sent again'
    }
}

Describe 'Get-PinCreative' {
    It 'reads pins back by id, piped from New-PinCreative, and lists a board page by page' {
        $pin = New-Pin @{ Type = 'Image'; ImageUrl = 'https://i.example/read.jpg'; Title = 'Read me' }
        $read = $pin | Get-PinCreative
        $read.PSTypeNames[0] | Should -Be 'PinterestAds.Creative'
        $read.Title | Should -Be 'Read me'
        $read.CreativeType | Should -Be 'REGULAR'
        $server.ClearRequests()
        $listed = $board | Get-PinCreative -All -PageSize 2
        $listed.PinId | Should -Contain $pin.PinId
        @($server.Requests | Where-Object Path -EQ "/v5/boards/$($board.BoardId)/pins").Count | Should -BeGreaterThan 1
        @(Get-PinCreative -BoardId $board.BoardId -First 1).Count | Should -Be 1
    }
}

Describe 'Pins into ads' {
    It 'turns a new pin into an ad through the pipeline' {
        $group = New-PinCampaign -AdAccountId $account -Name 'Creatives' -ObjectiveType AWARENESS |
            New-PinAdGroup -Name 'Creatives group' -BillableEvent IMPRESSION -Budget 20 -Bid 1
        $ad = New-Pin @{ Type = 'Image'; ImageUrl = 'https://i.example/ad.jpg'; AdAccountId = $account } |
            New-PinAd -AdGroupId $group.Id -CreativeType REGULAR
        $ad.PSTypeNames[0] | Should -Be 'PinterestAds.Ad'
        $pinId = (Get-PinPosts)[-1].ResponseBody | ConvertFrom-Json | ForEach-Object id
        $ad.PinId | Should -Be $pinId
        (Get-PinPosts)[-1].Query | Should -Match "ad_account_id=$account"
        (Get-BodyItems (Get-AdsRequests $server POST ads)[-1]).pin_id | Should -Be $pinId
    }
}
