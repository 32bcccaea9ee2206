# syntax=docker/dockerfile:1
# The operator image. Build from the repository root after `./mvnw -B package -DskipTests`:
#
#   docker build -f deploy/docker/operator.Dockerfile -t ghcr.io/min-memory/min-memory-operator:0.1.0 .
#
# The name and tag come from the parent pom (image.registry, image.tag); deploy/kind/e2e.sh reads them from there.
# Runs as uid 185 with a read-only root filesystem; it writes only to /tmp (Vert.x's file cache), an emptyDir in
# the chart.

# Eclipse Temurin 17 JRE on Ubuntu 24.04, pinned to a patch release. Pin the digest too for reproducible builds:
#   docker buildx imagetools inspect eclipse-temurin:17.0.15_6-jre-noble   (then FROM ...@sha256:<digest>)
ARG BASE_IMAGE=eclipse-temurin:17.0.15_6-jre-noble

FROM ${BASE_IMAGE}
RUN groupadd --gid 185 min-memory \
    && useradd --uid 185 --gid 185 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin min-memory
COPY operator/target/quarkus-app/ /opt/min-memory-operator/
USER 185:185
EXPOSE 8080
# Extra flags: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/min-memory-operator/quarkus-run.jar"]
