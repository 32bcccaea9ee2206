# syntax=docker/dockerfile:1
# The memory server image. Build from the repository root after `./mvnw -B package -DskipTests`:
#
#   docker build -f deploy/docker/memory-server.Dockerfile -t ghcr.io/min-memory/memory-server:0.1.0 .
#
# The name and tag come from the parent pom (image.registry, image.tag); deploy/kind/e2e.sh reads them from there.
#
# The image runs as uid 185 with a read-only root filesystem. It writes only to
#   MCP_DATA_DIR (/var/lib/min-memory)  the store: a volume
#   /tmp                                ONNX Runtime's scratch directory, Vert.x's file cache and, by default,
#                                       DJL_CACHE_DIR (DJL's tokenizer library, ~10 MB): an emptyDir
# The embedding models are baked in: the build stage runs the server once per model, which extracts the model files
# and ONNX Runtime's native libraries into /opt/min-memory/model-cache; at run time the server finds them there,
# writes nothing to that directory and downloads nothing. DJL, however, creates a temporary directory in its cache
# on every start, so its cache cannot be baked into the read-only part.

# Eclipse Temurin 17 JRE on Ubuntu 24.04, pinned to a patch release. Pin the digest too for reproducible builds:
#   docker buildx imagetools inspect eclipse-temurin:17.0.15_6-jre-noble   (then FROM ...@sha256:<digest>)
ARG BASE_IMAGE=eclipse-temurin:17.0.15_6-jre-noble

FROM ${BASE_IMAGE} AS model-cache
COPY memory-server/target/quarkus-app/ /opt/min-memory/app/
COPY deploy/docker/extract-model-cache.sh /usr/local/bin/extract-model-cache.sh
RUN extract-model-cache.sh /opt/min-memory/app /opt/min-memory/model-cache

FROM ${BASE_IMAGE}
RUN groupadd --gid 185 min-memory \
    && useradd --uid 185 --gid 185 --home-dir /var/lib/min-memory --no-create-home --shell /usr/sbin/nologin min-memory \
    && install -d -o 185 -g 185 /var/lib/min-memory
COPY --from=model-cache /opt/min-memory/app/ /opt/min-memory/app/
COPY --from=model-cache /opt/min-memory/model-cache/ /opt/min-memory/model-cache/
ENV PORT=8080 \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    MANAGEMENT_PORT=9000 \
    QUARKUS_MANAGEMENT_HOST=0.0.0.0 \
    MCP_DATA_DIR=/var/lib/min-memory \
    MEMORY_EMBEDDING_CACHE_DIR=/opt/min-memory/model-cache \
    DJL_CACHE_DIR=/tmp/djl
USER 185:185
EXPOSE 8080 9000
# The heap follows the container's memory limit; the rest is for ONNX Runtime's native memory and the page cache.
# Extra flags: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/min-memory/app/quarkus-run.jar"]
