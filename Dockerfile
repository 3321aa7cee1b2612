# Every host of TrayBridge (the four services, the gateway, the panel and the simulators) is built by this one
# Dockerfile, from the repository root, told which host by two build arguments:
#   docker build --build-arg HOST_DIR=services/Catalog --build-arg HOST=TrayBridge.Catalog -t traybridge/catalog .
# (docker-compose.yml passes them for each host). HOST is both the project file's and the assembly's name.
ARG HOST_DIR
ARG HOST

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG HOST_DIR
ARG HOST
WORKDIR /src
# Project files and central props first, so the restore layer is reused until a dependency changes. The shared
# projects any host references come for all: a host restores and publishes only what its own project references.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY contracts/TrayBridge.Contracts/TrayBridge.Contracts.csproj contracts/TrayBridge.Contracts/
COPY contracts/TrayBridge.Api/TrayBridge.Api.csproj contracts/TrayBridge.Api/
COPY contracts/TrayBridge.Contracts.Internal/TrayBridge.Contracts.Internal.csproj contracts/TrayBridge.Contracts.Internal/
COPY services/ServiceDefaults/TrayBridge.ServiceDefaults.csproj services/ServiceDefaults/
COPY simulators/Shared/TrayBridge.Simulators.Shared.csproj simulators/Shared/
COPY ${HOST_DIR}/${HOST}.csproj ${HOST_DIR}/
RUN dotnet restore ${HOST_DIR}/${HOST}.csproj
COPY contracts/TrayBridge.Contracts/ contracts/TrayBridge.Contracts/
COPY contracts/TrayBridge.Api/ contracts/TrayBridge.Api/
COPY contracts/TrayBridge.Contracts.Internal/ contracts/TrayBridge.Contracts.Internal/
COPY services/ServiceDefaults/ services/ServiceDefaults/
COPY simulators/Shared/ simulators/Shared/
COPY ${HOST_DIR}/ ${HOST_DIR}/
# The official XSDs (and their reader) Invoicing and the SEFAZ simulator embed from outside their folders: their images
# need no schema folder. The other hosts do not read them (build stage only, never in an image).
COPY schemas/nfe/ schemas/nfe/
RUN dotnet publish ${HOST_DIR}/${HOST}.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG HOST
WORKDIR /app
COPY --from=build /app .
# The image's unprivileged user, by number so that Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The exec form cannot read a build argument: the shell reads it from the environment and is replaced by dotnet
# (exec), which stays process 1 and gets the container's signals.
ENV HOST_DLL=${HOST}.dll
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$HOST_DLL\" \"$@\"", "--"]
