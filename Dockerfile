# syntax=docker/dockerfile:1
# k2-binance-stream container image.
#   docker build -t k2-binance-stream:dev .
#   docker run --rm -p 127.0.0.1:9876:9876 -e K2_KAFKA_BROKERS=kafka:9092 k2-binance-stream:dev
# Layout in the image (K2_HOME=/opt/k2, also the working directory):
#   /opt/k2/bin/k2                  the launcher, as in a checkout: the image runs `bin/k2 run`
#   /opt/k2/app/k2-binance-stream.jar  the product jar (no dev tools: those are in the tools jar, not here)
#   /opt/k2/app/lib/*.jar           runtime dependencies (target/lib)
#   /opt/k2/cds/                    the class list and the class-data archive made from it at build time
#   /opt/k2/application.properties  the operator's settings; mount your own over it, or use K2_* env vars
#   /opt/k2/routes/*.yaml           the YAML routes; mount a directory over it to change them
# See docs/deployment.md.

# ---- build ---------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Extra Maven arguments. The default skips the exec step that downloads the test-only Kafka broker jars
# (target/kafka-lib, ~43 MB; it runs in process-test-resources even with -DskipTests).
# E.g. --build-arg MVN_ARGS="-Dexec.skip=true -o" for an offline build with a warm cache.
ARG MVN_ARGS="-Dexec.skip=true"
# The whole project (minus what .dockerignore drops), so build-time inputs the pom may add later
# (e.g. kafka-local/) are there. The Maven cache survives between builds (BuildKit).
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests ${MVN_ARGS} package \
 && test -f target/k2-binance-stream.jar && test -f target/k2-binance-stream-tools.jar && test -d target/lib

# ---- runtime: what both images share ---------------------------------------------------------------------
FROM eclipse-temurin:17-jre AS runtime
LABEL org.opencontainers.image.title="k2-binance-stream" \
      org.opencontainers.image.description="Binance spot market data -> Avro -> Kafka (Apache Camel)" \
      org.opencontainers.image.source="https://github.com/k2/k2-binance-stream"

# curl is used only by the HEALTHCHECK.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 k2 \
 && useradd --system --uid 10001 --gid k2 --home-dir /opt/k2 --shell /usr/sbin/nologin k2

WORKDIR /opt/k2
COPY --from=build --chown=root:root /src/target/lib/     /opt/k2/app/lib/
COPY --from=build --chown=root:root /src/target/k2-binance-stream.jar /opt/k2/app/k2-binance-stream.jar
COPY --from=build --chown=root:root /src/bin/k2          /opt/k2/bin/k2
COPY --from=build --chown=root:root /src/cds/app.classlist /opt/k2/cds/app.classlist
COPY --from=build --chown=root:root /src/application.properties /opt/k2/application.properties
COPY --from=build --chown=root:root /src/jvm.options    /opt/k2/jvm.options
COPY --from=build --chown=root:root /src/routes/         /opt/k2/routes/

# The class-data archive (docs/memory.md: about 10 MB less RSS), made here with the JDK of this image, so it
# matches the runtime; root-owned and read-only for the app. bin/k2 run finds it by its key and maps it.
ENV K2_BUILD_DIR=/opt/k2/app \
    K2_CDS_DIR=/opt/k2/cds
RUN MALLOC_ARENA_MAX=2 /opt/k2/bin/k2 cds

# JVM: bin/k2 run starts it as in a checkout: the flags of /opt/k2/jvm.options (the repository's jvm.options,
# each with its reason), the class-data archive, then K2_JAVA_OPTS, which wins. MALLOC_ARENA_MAX=2: glibc's default arenas hold
# freed native memory (docs/memory.md). The file is used as it is: eclipse-temurin:17-jre is a current 17.0.x,
# which has -XX:TrimNativeHeapInterval (17.0.9+); pin an older base image only with that line removed.
# The app reads ./application.properties and ./routes (K2_HOME). The management server must listen on
# all interfaces inside the container so Prometheus and the HEALTHCHECK can reach it; publish the port
# on 127.0.0.1 only (see docker-compose.yml).
ENV K2_HOME=/opt/k2 \
    K2_OBSERVE_HOST=0.0.0.0 \
    K2_OBSERVE_PORT=9876 \
    K2_JAVA_OPTS="" \
    MALLOC_ARENA_MAX=2

USER 10001:10001
EXPOSE 9876

# Liveness only (the Camel context is up). Readiness (/observe/health/ready) is for orchestration and
# blue/green switch-over, not for restarts: a lost exchange link or Kafka outage heals by itself.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${K2_OBSERVE_PORT}/observe/health/live" || exit 1

# exec form, and bin/k2 execs java: java is PID 1 and receives SIGTERM directly; camel-main then stops the routes in order
# (ingest first, dead-letter last) and waits up to camel.main.shutdownTimeout (45 s) for in-flight
# records. Give `docker stop` a longer grace period than that (compose: stop_grace_period: 60s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/k2/bin/k2", "run"]

# ---- tools image (docker build --target tools): the app's image plus the dev-tools jar, for the offline
# simulator of docker-compose.yml (`simulate --host 0.0.0.0`) and `tail <topic>`; entrypoint bin/k2.
FROM runtime AS tools
COPY --from=build --chown=root:root /src/target/k2-binance-stream-tools.jar /opt/k2/app/k2-binance-stream-tools.jar
ENTRYPOINT ["/opt/k2/bin/k2"]
CMD ["--help"]

# ---- the app image (the default target): the product jar only, no dev tools -------------------------------
FROM runtime AS app
