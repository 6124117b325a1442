# Vigil application image, built from the sources. One image runs every command:
#   docker run --rm vigil detect | trainer | simulate --bootstrap kafka:9092 | demo | --help
# Build: docker build -t vigil .

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so source edits do not re-download them.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -Dspotless.check.skip=true || true
COPY schemas schemas
COPY src src
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app vigil
WORKDIR /app
# Same layout as a local build: target/vigil.jar with its class path in target/lib.
COPY --from=build /src/target/lib target/lib
COPY --from=build /src/target/vigil.jar target/vigil.jar
RUN mkdir -p /app/state /app/models && chown -R vigil /app
USER vigil
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
# The ops endpoints bind to 127.0.0.1 by default; a container publishes its ports, so bind every interface.
ENV VIGIL_OPS_BIND_ADDRESS=0.0.0.0
# 9400: detector /metrics /health /ready; 9401: trainer; the demo prints its own port.
EXPOSE 9400 9401
# jdk.incubator.vector: the trainer's matrix kernels (plain Java without it: same results, slower).
ENTRYPOINT ["sh", "-c", "exec java --add-modules jdk.incubator.vector $JAVA_OPTS -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.vigil.contract.avro -jar target/vigil.jar \"$@\"", "vigil"]
CMD ["--help"]
