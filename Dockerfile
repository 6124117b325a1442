# Vigil production image: the detector and the trainer, built from the sources.
#   docker run --rm vigil detect | trainer | simulate --bootstrap kafka:9092 | models | --help
# `demo`, `bench` and `evaluate` need the full build (in-process broker, Streams test driver): in this
# image they print one line saying so and exit 2; run them from a source checkout (docs/OPERATIONS.md#image).
# Build: docker build -t vigil .
#
# Base images are pinned to exact releases; Renovate or Dependabot (docker ecosystem) should bump them.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so source edits do not re-download them.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -Dspotless.check.skip=true || true
COPY schemas schemas
COPY src src
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:17.0.16_8-jre-noble
# A numeric user, so Kubernetes' runAsNonRoot can verify it is not root.
RUN groupadd --system --gid 10001 vigil \
    && useradd --system --uid 10001 --gid 10001 --create-home --home-dir /app vigil
WORKDIR /app
# Same layout as a local build, target/vigil.jar with its class path in target/lib, but that class path
# is the lean one (target/lib-runtime): no broker, Scala, test kits or JMH. The jar's manifest also
# names the full build's jars; the JVM skips the ones that are absent.
COPY --from=build /src/target/lib-runtime target/lib
COPY --from=build /src/target/vigil.jar target/vigil.jar
RUN mkdir -p /app/state /app/models && chown -R 10001:10001 /app
USER 10001:10001
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
# The ops endpoints bind to 127.0.0.1 by default; a container publishes its ports, so bind every interface.
ENV VIGIL_OPS_BIND_ADDRESS=0.0.0.0
# 9400: detector /metrics /health /ready; 9401: trainer (start them with --metrics-port 9400 or 9401).
EXPOSE 9400 9401
# GET /health on the detector's or the trainer's port (VIGIL_HEALTH_PORT picks one); bash's /dev/tcp,
# as the JRE image has no curl or wget.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
    CMD ["bash", "-c", "for port in ${VIGIL_HEALTH_PORT:-9400 9401}; do (exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 ') 2>/dev/null && exit 0; done; exit 1"]
# jdk.incubator.vector: the trainer's matrix kernels (plain Java without it: same results, slower).
ENTRYPOINT ["sh", "-c", "exec java --add-modules jdk.incubator.vector $JAVA_OPTS -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.vigil.contract.avro -jar target/vigil.jar \"$@\"", "vigil"]
CMD ["--help"]
