# KitBot container image. Build: docker build -t kitbot .   Run: see docs/deploy.md.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/KitBot -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# KitBot listens on 8080 inside the container; put TLS in front (App Service, ingress, reverse proxy).
# A 4 MB first GC generation: the runtime sizes it from the CPU's L3 cache, which some server CPUs report as hundreds
# of MB, so it grows to ~150 MB; capped, peak memory and CPU per turn both drop (docs/benchmarks.md). The runtime reads
# this setting only from the environment.
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__Sqlite__Path=/data/kitbot.db \
    DOTNET_GCgen0size=0x400000
VOLUME /data
EXPOSE 8080
USER app
# The runtime image has no curl or wget: probe GET /health/live and /health/ready from the platform instead.
ENTRYPOINT ["dotnet", "KitBot.dll"]
