# Development secrets (random, created once per checkout in .run/, never committed): the URL signing key, our simulated
# Tray app's secret, the panel's client secret; and users' tokens from the identity simulator.

function Get-DevSecrets {
    $path = Join-Path $RunDir 'dev-secrets.json'
    $secrets = if (Test-Path $path) { Get-Content $path -Raw | ConvertFrom-Json -AsHashtable } else { @{ Issuer = 'traybridge'; Audience = 'traybridge' } }
    $missing = @('UrlSigningKey', 'TrayConsumerSecret', 'WebClientSecret') | Where-Object { -not $secrets.ContainsKey($_) }
    if ($missing) {
        # Keys added by a newer build.ps1 are created once and kept, like the first ones.
        foreach ($name in $missing) { $secrets[$name] = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(48)) }
        New-Item -ItemType Directory -Force -Path $RunDir | Out-Null
        $secrets | ConvertTo-Json | Set-Content -Path $path
        if (Get-Command chmod -ErrorAction SilentlyContinue) { chmod 600 $path }
    }
    return [pscustomobject]$secrets
}

# The demo runs in Auth:Mode Authority, as production does: the hosts accept only the identity provider's RS256 tokens.
# Scripts get one from the identity simulator with its development-only password grant (Identity:PasswordGrantEnabled)
# and the panel's client: the demo tenant's admin (lojista@demo.com.br) or, for another tenant or role, a user made for
# the occasion through its /admin/users. The simulator must be running (`build.ps1 run`, or compose's demo profile).
# `--role platform` is the platform's operation (no tenant: plataforma@traybridge.dev), whatever --tenant says.
$DemoUsers = @{ admin = 'lojista@demo.com.br'; operator = 'operador@demo.com.br'; platform = 'plataforma@traybridge.dev' }

function New-UserToken([string]$Tenant = 'demo', [string]$Role = 'admin', [string]$Identity = 'http://127.0.0.1:5203') {
    if ($Role -notin 'admin', 'operator', 'platform') { throw "Unknown role '$Role': use admin, operator or platform." }
    if ($Tenant -eq 'demo' -or $Role -eq 'platform') { $email = $DemoUsers[$Role]; $password = 'demo123' }
    else {
        $email = "script-$([Guid]::NewGuid().ToString('N').Substring(0, 8))@$Tenant.local"
        $password = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(18))
        $user = @{ email = $email; password = $password; name = "Script $Tenant"; tenantId = $Tenant; roles = @($Role) }
        Invoke-RestMethod -Method Post "$Identity/admin/users" -ContentType 'application/json' -Body ($user | ConvertTo-Json) | Out-Null
    }
    $form = @{ grant_type = 'password'; client_id = 'traybridge-web'; client_secret = (Get-DevSecrets).WebClientSecret
        username = $email; password = $password; scope = 'openid profile roles' }
    return (Invoke-RestMethod -Method Post "$Identity/connect/token" -ContentType 'application/x-www-form-urlencoded' -Body $form).access_token
}

function Get-AuthSettings {
    $secrets = Get-DevSecrets
    return @{ 'Auth__Mode' = 'Authority'; 'Auth__UrlSigningKey' = $secrets.UrlSigningKey }
}

# docker-compose.yml takes every key and secret from the environment with no default: this machine's generated ones,
# and for the demo profile the simulator's development app and its plain-http exemption, and the SEFAZ simulator as every
# tenant's SEFAZ.
function Get-ComposeEnvironment {
    $secrets = Get-DevSecrets
    return [ordered]@{
        TRAYBRIDGE_URL_SIGNING_KEY = $secrets.UrlSigningKey
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
