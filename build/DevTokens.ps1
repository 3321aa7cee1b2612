# Development signing keys (random, created once per checkout in .run/, never committed) and HS256 tokens signed with them.

function Get-DevSecrets {
    $path = Join-Path $RunDir 'dev-secrets.json'
    $secrets = if (Test-Path $path) { Get-Content $path -Raw | ConvertFrom-Json -AsHashtable } else { @{ Issuer = 'traybridge'; Audience = 'traybridge' } }
    $missing = @('SigningKey', 'UrlSigningKey', 'TrayConsumerSecret', 'WebClientSecret') | Where-Object { -not $secrets.ContainsKey($_) }
    if ($missing) {
        # Keys added by a newer build.ps1 are created once and kept, like the first ones.
        foreach ($name in $missing) { $secrets[$name] = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(48)) }
        New-Item -ItemType Directory -Force -Path $RunDir | Out-Null
        $secrets | ConvertTo-Json | Set-Content -Path $path
        if (Get-Command chmod -ErrorAction SilentlyContinue) { chmod 600 $path }
    }
    return [pscustomobject]$secrets
}

function ConvertTo-Base64Url([byte[]]$Bytes) { return [Convert]::ToBase64String($Bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_') }

function New-DevToken([string]$Tenant, [int]$Hours = 12) {
    $secrets = Get-DevSecrets
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    $header = @{ alg = 'HS256'; typ = 'JWT' } | ConvertTo-Json -Compress
    $payload = [ordered]@{ iss = $secrets.Issuer; aud = $secrets.Audience; sub = "dev@$Tenant"; tenant_id = $Tenant; role = 'admin'; iat = $now; nbf = $now; exp = $now + $Hours * 3600 } | ConvertTo-Json -Compress
    $unsigned = (ConvertTo-Base64Url ([Text.Encoding]::UTF8.GetBytes($header))) + '.' + (ConvertTo-Base64Url ([Text.Encoding]::UTF8.GetBytes($payload)))
    $signature = [System.Security.Cryptography.HMACSHA256]::HashData([Text.Encoding]::UTF8.GetBytes($secrets.SigningKey), [Text.Encoding]::UTF8.GetBytes($unsigned))
    return $unsigned + '.' + (ConvertTo-Base64Url $signature)
}

function Get-AuthSettings {
    $secrets = Get-DevSecrets
    return @{
        'Auth__Issuer' = $secrets.Issuer; 'Auth__Audience' = $secrets.Audience
        'Auth__SigningKey' = $secrets.SigningKey; 'Auth__UrlSigningKey' = $secrets.UrlSigningKey
    }
}

# docker-compose.yml takes every key and secret from the environment with no default: this machine's generated ones,
# and for the demo profile the simulator's development app and its plain-http exemption, and the SEFAZ simulator as every
# tenant's SEFAZ.
function Get-ComposeEnvironment {
    $secrets = Get-DevSecrets
    return [ordered]@{
        TRAYBRIDGE_SIGNING_KEY = $secrets.SigningKey; TRAYBRIDGE_URL_SIGNING_KEY = $secrets.UrlSigningKey
        TRAYBRIDGE_OIDC_CLIENT_SECRET = $secrets.WebClientSecret
        TRAY_CONSUMER_KEY = 'traybridge-dev'; TRAY_CONSUMER_SECRET = $secrets.TrayConsumerSecret; TRAY_SIMULATOR_HOST = 'tray-simulator'
        SEFAZ_ENDPOINT_OVERRIDE = 'http://sefaz-simulator:8080/'
    }
}

# Compose interpolates the whole file even to start two services: variables it requires must be set (kept if given).
function Set-ComposeEnvironment {
    foreach ($entry in (Get-ComposeEnvironment).GetEnumerator()) {
        if (-not (Test-Path "Env:$($entry.Key)")) { Set-Item "Env:$($entry.Key)" $entry.Value }
    }
}
