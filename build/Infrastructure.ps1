# PostgreSQL + RabbitMQ for `run` and `test`: configured servers first (TRAYBRIDGE_POSTGRES / TRAYBRIDGE_RABBITMQ),
# then running local ones, then Debian/Ubuntu packages (as root), then Docker, else a message saying what to install.
# On Debian/Ubuntu as root, poppler-utils too (the DANFE tests read PDFs back with it).

$DefaultPostgres = 'Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres'
$DefaultRabbit = 'amqp://guest:guest@127.0.0.1:5672/'

function Test-Port([string]$HostName, [int]$Port) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try { return $client.ConnectAsync($HostName, $Port).Wait(1000) } catch { return $false } finally { $client.Dispose() }
}

function ConvertFrom-ConnectionString([string]$ConnectionString) {
    $parts = @{}
    foreach ($pair in $ConnectionString -split ';' | Where-Object { $_ -match '=' }) {
        $key, $value = $pair -split '=', 2
        $parts[$key.Trim()] = $value.Trim()
    }
    return $parts
}

function Get-PostgresEndpoint([string]$ConnectionString) {
    $parts = ConvertFrom-ConnectionString $ConnectionString
    $port = if ($parts.ContainsKey('Port')) { [int]$parts['Port'] } else { 5432 }
    return @{ Host = $parts['Host']; Port = $port; Username = $parts['Username']; Password = $parts['Password'] }
}

function Get-Infrastructure {
    $postgres = if ($env:TRAYBRIDGE_POSTGRES) { $env:TRAYBRIDGE_POSTGRES } else { $DefaultPostgres }
    $rabbit = [Uri]$(if ($env:TRAYBRIDGE_RABBITMQ) { $env:TRAYBRIDGE_RABBITMQ } else { $DefaultRabbit })
    $management = if ($env:TRAYBRIDGE_RABBITMQ_MANAGEMENT) { $env:TRAYBRIDGE_RABBITMQ_MANAGEMENT } else { "http://$($rabbit.UserInfo)@$($rabbit.Host):15672/" }
    return [pscustomobject]@{ Postgres = $postgres; Rabbit = $rabbit.ToString(); RabbitManagement = $management }
}

function Test-Infrastructure($Infra) {
    $pg = Get-PostgresEndpoint $Infra.Postgres
    $rabbit = [Uri]$Infra.Rabbit
    $management = [Uri]$Infra.RabbitManagement
    return (Test-Port $pg.Host $pg.Port) -and (Test-Port $rabbit.Host $rabbit.Port) -and (Test-Port $management.Host $management.Port)
}

function Test-Command([string]$Name) { return [bool](Get-Command $Name -ErrorAction SilentlyContinue) }

function Test-DockerEngine {
    if (-not (Test-Command 'docker')) { return $false }
    docker info *> $null
    return $LASTEXITCODE -eq 0
}

function Initialize-Infrastructure {
    $infra = Get-Infrastructure
    $debianRoot = (Test-Command 'apt-get') -and (Test-Command 'id') -and ((id -u) -eq '0')
    # The DANFE tests read the PDF back with poppler's pdftoppm and pdftotext, and the panel's tests drive Debian's Chromium,
    # whether or not the servers already run.
    if ($debianRoot) {
        Install-DebianPackages (Get-ToolPackages)
        Install-DebianServerPrograms
    }
    if (Test-Infrastructure $infra) {
        Write-Host "==> PostgreSQL and RabbitMQ are reachable" -ForegroundColor Cyan
        return $infra
    }
    if ($env:TRAYBRIDGE_POSTGRES -or $env:TRAYBRIDGE_RABBITMQ) {
        throw "The configured PostgreSQL ($($env:TRAYBRIDGE_POSTGRES)) or RabbitMQ ($($env:TRAYBRIDGE_RABBITMQ), management on 15672) does not answer."
    }
    if ($debianRoot) {
        Start-DebianInfrastructure
    } elseif (Test-DockerEngine) {
        Write-Host '==> docker compose up -d postgres rabbitmq' -ForegroundColor Cyan
        Set-ComposeEnvironment
        docker compose -f (Join-Path $Root 'docker-compose.yml') up -d --wait postgres rabbitmq | Out-Host
        if ($LASTEXITCODE -ne 0) { throw 'docker compose could not start PostgreSQL and RabbitMQ.' }
    } else {
        throw ('PostgreSQL 15+ and RabbitMQ 3.10+ (with the management plugin) are needed. Install them (Debian/Ubuntu as root: ' +
            'this script does it), start Docker, or point TRAYBRIDGE_POSTGRES / TRAYBRIDGE_RABBITMQ at running servers.')
    }
    if (-not (Test-Infrastructure $infra)) { throw 'PostgreSQL or RabbitMQ was started but does not answer on its port.' }
    return $infra
}

# The apt packages the tests need besides the servers: poppler reads the DANFE back, Chromium runs the panel's tests,
# the benchmark's charts draw their text in DejaVu Sans (pgbench comes with the postgresql server package).
function Get-ToolPackages { return @('poppler-utils', 'chromium', 'fonts-dejavu-core') }

# The server restart tests start a PostgreSQL and a RabbitMQ of their own (initdb/pg_ctl, rabbitmq-server) whatever serves the
# others (Docker, a remote server): the programs are installed, their services not started (policy-rc.d says no while apt
# runs), so nothing takes the ports of servers already running.
function Install-DebianServerPrograms {
    [string[]]$missing = @('postgresql', 'rabbitmq-server' | Where-Object { -not (dpkg-query -W -f='${Status}' $_ 2>$null | Select-String 'install ok installed') })
    if ($missing.Count -eq 0) { return }
    $policy = '/usr/sbin/policy-rc.d'
    $ours = -not (Test-Path $policy)
    if ($ours) { Set-Content $policy "#!/bin/sh`nexit 101`n"; chmod 755 $policy }
    try { Install-DebianPackages $missing } finally { if ($ours) { Remove-Item $policy -Force } }
}

function Install-DebianPackages([string[]]$Packages) {
    # Always an array: one missing package piped through Where-Object is a scalar string, and splatting a string passes
    # its characters one by one (`apt-get install p o p p l e r …`).
    [string[]]$missing = @($Packages | Where-Object { -not (dpkg-query -W -f='${Status}' $_ 2>$null | Select-String 'install ok installed') })
    if ($missing.Count -gt 0) {
        Write-Host "==> apt-get install $($missing -join ' ')" -ForegroundColor Cyan
        $env:DEBIAN_FRONTEND = 'noninteractive'
        apt-get update -qq | Out-Null
        apt-get install -y -qq @missing | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "apt-get install $($missing -join ' ') failed." }
    }
}

function Start-DebianInfrastructure {
    Install-DebianPackages 'postgresql', 'rabbitmq-server'
    $pg = Get-PostgresEndpoint $DefaultPostgres
    if (-not (Test-Port $pg.Host $pg.Port)) {
        $cluster = (pg_lsclusters -h | Select-Object -First 1) -split '\s+'
        if (-not $cluster[0]) { throw 'PostgreSQL is installed but has no cluster (pg_createcluster).' }
        Write-Host "==> pg_ctlcluster $($cluster[0]) $($cluster[1]) start" -ForegroundColor Cyan
        pg_ctlcluster $cluster[0] $cluster[1] start | Out-Host
        for ($i = 0; $i -lt 30 -and -not (Test-Port $pg.Host $pg.Port); $i++) { Start-Sleep 1 }
    }
    # The hosts and tests connect over TCP with a password.
    su postgres -c "psql -q -c `"alter user postgres password 'postgres'`"" | Out-Null
    # A test system runs seven hosts with a connection pool each, and tests start replicas: Debian's default of 100 is short.
    if ([int](su postgres -c "psql -tAq -c 'show max_connections'") -lt 300) {
        su postgres -c "psql -q -c 'alter system set max_connections = 300'" | Out-Null
        $cluster = (pg_lsclusters -h | Select-Object -First 1) -split '\s+'
        Write-Host "==> pg_ctlcluster $($cluster[0]) $($cluster[1]) restart (max_connections 300)" -ForegroundColor Cyan
        pg_ctlcluster $cluster[0] $cluster[1] restart | Out-Host
        for ($i = 0; $i -lt 30 -and -not (Test-Port $pg.Host $pg.Port); $i++) { Start-Sleep 1 }
    }
    if (-not (Test-Port '127.0.0.1' 5672) -or -not (Test-Port '127.0.0.1' 15672)) {
        if (Test-Port '127.0.0.1' 5672) {
            rabbitmq-plugins enable rabbitmq_management | Out-Null
        } else {
            Write-Host '==> rabbitmq-server -detached' -ForegroundColor Cyan
            rabbitmq-plugins --offline enable rabbitmq_management | Out-Null
            rabbitmq-server -detached | Out-Host
        }
        # await_startup fails at once while the node is not yet registered with epmd: ask again until it answers.
        for ($i = 0; $i -lt 30; $i++) {
            rabbitmqctl await_startup --timeout 60 *> $null
            if ($LASTEXITCODE -eq 0) { break }
            Start-Sleep 2
        }
        if ($LASTEXITCODE -ne 0) { throw 'RabbitMQ did not start (rabbitmqctl await_startup).' }
        for ($i = 0; $i -lt 30 -and -not (Test-Port '127.0.0.1' 15672); $i++) { Start-Sleep 1 }
    }
}

function Stop-Infrastructure {
    if ((Test-Command 'rabbitmqctl') -and (Test-Command 'pg_lsclusters')) {
        rabbitmqctl stop *> $null
        pg_lsclusters -h | ForEach-Object { $c = $_ -split '\s+'; pg_ctlcluster $c[0] $c[1] stop }
    } elseif (Test-Command 'docker') {
        Set-ComposeEnvironment
        docker compose -f (Join-Path $Root 'docker-compose.yml') stop postgres rabbitmq
    }
}
