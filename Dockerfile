# syntax=docker/dockerfile:1

# KalshiDesk web app. Build:  docker build -t kalshidesk .
# Run with PostgreSQL and Redis: see docker-compose.yml.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Everything the build reads: solution-wide props, the sources, and wwwroot-assets/, which the Web
# project links in as wwwroot/assets/. .dockerignore keeps artifacts, bin, obj and .git out.
COPY . .
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore src/KalshiDesk.Web/KalshiDesk.Web.csproj
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/KalshiDesk.Web/KalshiDesk.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY --from=build /app .
# data/ holds the SQLite database (when no PostgreSQL is configured) and other state: a volume in
# compose. It must belong to the non-root user the app runs as ($APP_UID, 1654, from the base image).
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME ["/app/data"]
USER $APP_UID
EXPOSE 8080
# No HEALTHCHECK: the aspnet image has no curl or wget to call /healthz with.
ENTRYPOINT ["dotnet", "kalshidesk.dll"]
