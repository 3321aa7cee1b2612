# `run`: every host as a process on loopback, logs in .run/logs, until Ctrl+C.

$Hosts = @(
    @{ Name = 'TraySimulator'; Project = 'simulators/Tray'; Assembly = 'TrayBridge.TraySimulator'; Port = 5201; Cluster = $null }
    @{ Name = 'SefazSimulator'; Project = 'simulators/Sefaz'; Assembly = 'TrayBridge.SefazSimulator'; Port = 5202; Cluster = $null }
    @{ Name = 'Identity'; Project = 'simulators/Identity'; Assembly = 'TrayBridge.IdentitySimulator'; Port = 5203; Cluster = $null }
    @{ Name = 'Catalog'; Project = 'services/Catalog'; Assembly = 'TrayBridge.Catalog'; Port = 5101; Cluster = 'catalog' }
    @{ Name = 'Orders'; Project = 'services/Orders'; Assembly = 'TrayBridge.Orders'; Port = 5102; Cluster = 'orders' }
    @{ Name = 'Invoicing'; Project = 'services/Invoicing'; Assembly = 'TrayBridge.Invoicing'; Port = 5103; Cluster = 'invoicing' }
    @{ Name = 'TrayConnector'; Project = 'services/TrayConnector'; Assembly = 'TrayBridge.TrayConnector'; Port = 5104; Cluster = 'tray-connector' }
    @{ Name = 'Web'; Project = 'web'; Assembly = 'TrayBridge.Web'; Port = 5090; Cluster = 'web' }
    @{ Name = 'Gateway'; Project = 'gateway'; Assembly = 'TrayBridge.Gateway'; Port = 5080; Cluster = $null }
)

function Initialize-Database($Infra, [string]$Database) {
    if (-not (Get-Command psql -ErrorAction SilentlyContinue)) { return }
    $pg = Get-PostgresEndpoint $Infra.Postgres
    $env:PGPASSWORD = $pg.Password
    $exists = psql -h $pg.Host -p $pg.Port -U $pg.Username -d postgres -tAc "select 1 from pg_database where datname = '$Database'"
    if ($exists -ne '1') { psql -h $pg.Host -p $pg.Port -U $pg.Username -d postgres -qc "create database $Database" | Out-Null }
    Remove-Item Env:PGPASSWORD
}

function Get-HostSettings($Infra) {
    $settings = Get-AuthSettings
    foreach ($entry in (Get-TraySettings).GetEnumerator()) { $settings[$entry.Key] = $entry.Value }
    $settings['ConnectionStrings__postgres'] = "$($Infra.Postgres);Database=traybridge"
    $settings['ConnectionStrings__rabbitmq'] = $Infra.Rabbit
    $settings['ASPNETCORE_ENVIRONMENT'] = 'Development'
    # The gateway's address for the pictures the Catalog sends to Tray (here the simulator, on this machine).
    $settings['Catalog__PublicBaseUrl'] = 'http://127.0.0.1:5080'
    # Invoicing and the SEFAZ simulator validate against the official XSDs embedded in them (schemas/nfe/): no folder.
    # The XML links Invoicing sends to Tray go through the gateway.
    $settings['Invoicing__PublicBaseUrl'] = 'http://127.0.0.1:5080/'
    # Every tenant's NF-e go to the SEFAZ simulator: an operator's setting (tenants choose only UF and ambiente); without
    # it, the official web-service table sends each note to the SEFAZ of its emitter's UF.
    $settings['Invoicing__Sefaz__EndpointOverride'] = 'http://127.0.0.1:5202/'
    # Sign-in: the identity provider simulator issues the users' tokens, the only ones the hosts accept (Authority mode,
    # as in production); scripts get theirs with its password grant (New-UserToken). The panel is its client, with a
    # secret made once per checkout like the URL signing key.
    $identity = 'http://127.0.0.1:5203/'
    $settings['Auth__Authority'] = $identity
    $settings['Identity__Issuer'] = $identity
    $settings['Identity__Clients__0__ClientSecret'] = (Get-DevSecrets).WebClientSecret
    $settings['Oidc__Authority'] = $identity
    $settings['Oidc__ClientSecret'] = (Get-DevSecrets).WebClientSecret
    $settings['Panel__ApiBaseUrl'] = 'http://127.0.0.1:5080/'
    # The panel's key ring and sessions are in PostgreSQL, encrypted with the same .run certificate as the connector's.
    foreach ($h in $Hosts | Where-Object { $_.Cluster }) {
        $settings["ReverseProxy__Clusters__$($h.Cluster)__Destinations__primary__Address"] = "http://127.0.0.1:$($h.Port)/"
    }
    # A value given in the environment wins: Start-Process passes the environment on, and a key left out here is not
    # overwritten (e.g. your own Tray app, another PostgreSQL).
    foreach ($key in @($settings.Keys)) { if (Test-Path "Env:$key") { $settings.Remove($key) } }
    return $settings
}

# The demo tenant's NF-e emitter (its notes reach the SEFAZ simulator through Invoicing__Sefaz__EndpointOverride), with a
# throwaway self-signed A1 certificate whose CN ends with the CNPJ (as e-CNPJ certificates' do), made afresh on each run
# and sent once: Invoicing keeps it encrypted.
function Connect-DemoEmitter([string]$Gateway) {
    $cnpj = '11222333000181'
    $emitter = @{
        cnpj = $cnpj; stateRegistration = '123456789012'; name = 'LOJA DEMO LTDA'; tradeName = 'Loja Demo'; crt = 1; series = 1; environment = 2
        address = @{ street = 'RUA DAS FLORES'; number = '100'; district = 'CENTRO'; cityCode = '3550308'; cityName = 'SAO PAULO'; uf = 'SP'; zipCode = '01001000' }
    }
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=LOJA DEMO LTDA:$cnpj, O=ICP-Brasil, C=BR", $rsa,
        [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $now = [DateTimeOffset]::UtcNow
    $certificate = $request.CreateSelfSigned($now.AddDays(-1), $now.AddYears(1))
    $password = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(18))
    $pfx = [Convert]::ToBase64String($certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, $password))
    $headers = @{ Authorization = "Bearer $(New-UserToken -Tenant 'demo' -Role 'admin')" }
    $json = @{ ContentType = 'application/json' }
    Invoke-RestMethod -Method Put "$Gateway/api/invoicing/emitter" -Headers $headers @json -Body ($emitter | ConvertTo-Json -Depth 4) | Out-Null
    return Invoke-RestMethod -Method Put "$Gateway/api/invoicing/emitter/certificate" -Headers $headers @json -Body (@{ pfxBase64 = $pfx; password = $password } | ConvertTo-Json)
}

function Wait-Ready($HostInfo, $Process, [int]$Seconds = 90) {
    for ($i = 0; $i -lt $Seconds * 2; $i++) {
        if ($Process.HasExited) { throw "$($HostInfo.Name) exited while starting; see .run/logs/$($HostInfo.Name).log" }
        try {
            if ((Invoke-WebRequest "http://127.0.0.1:$($HostInfo.Port)/health/ready" -TimeoutSec 5 -SkipHttpErrorCheck).StatusCode -eq 200) { return }
        } catch { }
        Start-Sleep -Milliseconds 500
    }
    throw "$($HostInfo.Name) was not ready within $Seconds s; see .run/logs/$($HostInfo.Name).log"
}

function Start-AllHosts($Infra) {
    foreach ($h in $Hosts) {
        if (Test-Port '127.0.0.1' $h.Port) {
            throw "Port $($h.Port) ($($h.Name)) is already in use. Is an earlier 'build.ps1 run' still running? Stop it and try again."
        }
    }
    Initialize-Database $Infra 'traybridge'
    $logs = Join-Path $RunDir 'logs'
    New-Item -ItemType Directory -Force -Path $logs | Out-Null
    $settings = Get-HostSettings $Infra
    $started = @()
    try {
        foreach ($h in $Hosts) {
            $binary = Join-Path $Root "$($h.Project)/bin/Debug/net10.0"
            $process = Start-Process dotnet -ArgumentList @("$($h.Assembly).dll", '--urls', "http://127.0.0.1:$($h.Port)") `
                -WorkingDirectory $binary -Environment $settings -NoNewWindow -PassThru `
                -RedirectStandardOutput (Join-Path $logs "$($h.Name).log") -RedirectStandardError (Join-Path $logs "$($h.Name).err.log")
            $started += @{ Info = $h; Process = $process }
        }
        foreach ($s in $started) { Wait-Ready $s.Info $s.Process }
        $demo = if (Test-OwnTrayApp) { $null } else { Connect-DemoStore -Simulator 'http://127.0.0.1:5201' -Gateway 'http://127.0.0.1:5080' }
        $emitter = Connect-DemoEmitter -Gateway 'http://127.0.0.1:5080'
        Write-Host ''
        Write-Host 'Painel         http://127.0.0.1:5080/   (entre com lojista@demo.com.br / demo123, administrador; operador@demo.com.br / demo123, operador)' -ForegroundColor Green
        foreach ($s in $started) { Write-Host ("{0,-14} http://127.0.0.1:{1}" -f $s.Info.Name, $s.Info.Port) -ForegroundColor Green }
        if ($demo) {
            Write-Host "Demo store     $($demo.storeId) (tenant 'demo'), api_address $($demo.apiAddress)"
            Write-Host "               simulator code $($demo.code) (throwaway simulator data)"
        } else {
            Write-Host "Tray app       $env:Tray__ConsumerKey (from the environment): register your store in Lojas Virtuais with its code"
        }
        Write-Host "Demo emitter   CNPJ $($emitter.cnpj) (Simples Nacional, SP, homologação), self-signed A1 until $($emitter.certificate.notAfter)"
        Write-Host "SEFAZ (homol.) http://127.0.0.1:5202/ws/NFeAutorizacao4/NFeAutorizacao4.asmx (also NFeRetAutorizacao4, NFeConsultaProtocolo4, NFeStatusServico4, NFeInutilizacao4; /admin)"
        Write-Host "Logs           $logs"
        Write-Host "Token (tenant 'demo', admin, from the identity simulator, valid 10 min; 'build.ps1 token [--tenant <id>] [--role operator]' for another):"
        Write-Host (New-UserToken -Tenant 'demo' -Role 'admin')
        Write-Host 'Press Ctrl+C to stop.'
        while ($true) {
            foreach ($s in $started) {
                if ($s.Process.HasExited) { throw "$($s.Info.Name) stopped (exit $($s.Process.ExitCode)); see .run/logs/$($s.Info.Name).log" }
            }
            Start-Sleep -Seconds 1
        }
    } finally {
        Write-Host 'Stopping hosts...'
        # SIGTERM lets each host drain the bus and leave RabbitMQ and PostgreSQL tidy; SIGKILL only for stragglers.
        foreach ($s in $started) { if (-not $s.Process.HasExited) { kill -s TERM $s.Process.Id 2>$null } }
        foreach ($s in $started) { if (-not $s.Process.WaitForExit(10000)) { $s.Process.Kill($true) } }
    }
}
