# The k8s-access bot as a container image. Build it from the repository top with BuildKit (the
# default builder since Docker 23; the NuGet cache mount below needs it):
#
#   docker build -t k8s-access-bot:dev .
#
# The image holds no secret and no configuration beyond defaults: Slack tokens and the cluster
# list come at run time (environment, mounted files, appsettings.Production.json in /app).
# tests/ChatOpsBot.Deploy.Tests runs this file's build-stage COPY and RUN steps on a copy of
# the repository and starts the result, so keep the build steps plain `dotnet` commands.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Only what the build needs; .dockerignore keeps local bin/ and obj/ folders out.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/

# A cache mount keeps NuGet packages between builds without adding them to a layer.
RUN --mount=type=cache,id=nuget-packages,target=/root/.nuget/packages \
    dotnet publish src/ChatOpsBot/ChatOpsBot.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# /data is the only place the bot writes (its durable store). It is made here and owned by the
# app user, so a volume mounted on it starts writable; the rest of the file system can be
# read-only (give the container a writable /tmp, as deploy/base does).
RUN mkdir /data && chown 1654:1654 /data
VOLUME ["/data"]

WORKDIR /app
COPY --from=build /app .

# Plain HTTP on 8080 on every interface: TLS ends at the ingress in front of the bot.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# The base image's unprivileged "app" user, by number so Kubernetes can check runAsNonRoot.
USER 1654

ENTRYPOINT ["dotnet", "ChatOpsBot.dll"]
CMD ["serve"]
