# `run`: the Tray simulator gets our development app and a demo store full of products and orders, and the store is
# registered for tenant 'demo' through the gateway, as a merchant would in "Lojas Virtuais".

$DemoStoreId = '391250'

# A merchant's or operator's own Tray app, given as Tray__ConsumerKey / Tray__ConsumerSecret in the environment, makes the
# real Tray the one in use: the simulator's demo app is not forced on the hosts and no demo store is registered.
function Test-OwnTrayApp {
    if (-not $env:Tray__ConsumerKey) { return $false }
    if (-not $env:Tray__ConsumerSecret) { throw 'Tray__ConsumerKey is set but Tray__ConsumerSecret is not: give both (your Tray app''s key and secret).' }
    return $true
}

function Get-TraySettings {
    $settings = @{
        'DataProtection__CertificatePath' = (Join-Path $RunDir 'data-protection.pfx'); 'DataProtection__CreateCertificateIfMissing' = 'true'
    }
    if (-not (Test-OwnTrayApp)) {
        # The simulator is the Tray in use: our development app, and plain http allowed to its loopback address only.
        $settings['Tray__ConsumerKey'] = 'traybridge-dev'
        $settings['Tray__ConsumerSecret'] = (Get-DevSecrets).TrayConsumerSecret
        $settings['Tray__SimulatorHost'] = '127.0.0.1'
    }
    return $settings
}

function Connect-DemoStore([string]$Simulator, [string]$Gateway) {
    $tray = Get-TraySettings
    $json = @{ ContentType = 'application/json' }
    Invoke-RestMethod -Method Post "$Simulator/admin/apps" @json -Body (@{ consumerKey = $tray['Tray__ConsumerKey']; consumerSecret = $tray['Tray__ConsumerSecret'] } | ConvertTo-Json) | Out-Null
    $store = Invoke-RestMethod -Method Post "$Simulator/admin/stores" @json -Body (@{ storeId = $DemoStoreId; products = 40; orders = 200 } | ConvertTo-Json)
    $headers = @{ Authorization = "Bearer $(New-UserToken -Tenant 'demo' -Role 'admin')" }
    $form = @{ platform = 'TrayCommerce'; storeId = $store.storeId; apiAddress = $store.apiAddress; code = $store.code }
    $created = Invoke-WebRequest -Method Post "$Gateway/api/stores" -Headers $headers @json -Body ($form | ConvertTo-Json) -SkipHttpErrorCheck
    if ($created.StatusCode -eq 409) {
        # Registered by an earlier run: the simulator is new, so authorise again with its fresh code.
        $created = Invoke-WebRequest -Method Put "$Gateway/api/stores/$DemoStoreId" -Headers $headers @json -Body (@{ code = $store.code; apiAddress = $store.apiAddress } | ConvertTo-Json) -SkipHttpErrorCheck
    }
    if ($created.StatusCode -notin 200, 201) { throw "Registering the demo store failed ($($created.StatusCode)): $($created.Content)" }
    return $store
}
