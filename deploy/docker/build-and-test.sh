#!/usr/bin/env bash
# Builds the memory server and operator images and smoke-tests them with docker or podman.
#
#   ./mvnw -B package -DskipTests && deploy/docker/build-and-test.sh
#
# - memory server: runs with a read-only root filesystem, a tmpfs /tmp and a volume for its data, as uid 185,
#   published on 127.0.0.1 only with MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER=true; the MCP TypeScript SDK client
#   (memory-server/src/test/e2e/image-smoke.js) stores a memory and finds it with retrieve_context.
# - operator: runs read-only as uid 185 on the host's network against the fabric8 mock API server that the
#   operator's ITs use (ImageSmokeApiServer, from the operator's test classes, started here with Maven), which holds
#   the committed CRD and one MemoryServer; passes when the operator has created all of that MemoryServer's objects.
#   The image is the production build, which patches the MemoryServer's status with server-side apply; the mock has
#   no server-side apply, so the status patch fails there and is retried (expected in its log). The managed objects
#   follow MINMEMORY_OPERATOR_SERVER_SIDE_APPLY, which is false here.
# Everything it starts or builds (containers, the volume, the images, the mock API server) is removed at the end.
#
# Environment:
#   CONTAINER_ENGINE   docker or podman (default: the first whose `info` answers, docker first)
#   BASE_IMAGE         base of both images (default: the Dockerfiles' public eclipse-temurin JRE 17)
#   CONTAINER_RUNTIME  podman only: its OCI runtime, e.g. runc where crun cannot run
#   KEEP_IMAGES        1: when both pass, keep them under the parent pom's names (image.registry, image.tag), e.g.
#                      ghcr.io/min-memory/memory-server:0.1.0, which deploy/compose/compose.yaml runs
#   MEMORY_IMAGE_TESTS with --if-enabled (how the Maven build calls it): run only when this is 1
#
# --if-enabled: skip, with the reason, unless MEMORY_IMAGE_TESTS=1 and an engine answers. Exit code: 0 on success or
# skip, 1 when a build or a smoke test fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
e2e=$root/memory-server/src/test/e2e

engine=${CONTAINER_ENGINE:-}
if [[ -z $engine ]]; then
  for candidate in docker podman; do
    if command -v "$candidate" >/dev/null && "$candidate" info >/dev/null 2>&1; then
      engine=$candidate
      break
    fi
  done
fi
if [[ ${1:-} == --if-enabled ]]; then
  if [[ ${MEMORY_IMAGE_TESTS:-} != 1 ]]; then
    echo "images: skipped: set MEMORY_IMAGE_TESTS=1 to build and smoke-test the images (needs docker or podman)"
    exit 0
  fi
  if [[ -z $engine ]]; then
    echo "images: skipped: MEMORY_IMAGE_TESTS=1, but neither \`docker info\` nor \`podman info\` answers"
    exit 0
  fi
fi
[[ -n $engine ]] || { echo "images: neither \`docker info\` nor \`podman info\` answers: no container engine" >&2; exit 1; }

for built in memory-server/target/quarkus-app/quarkus-run.jar operator/target/quarkus-app/quarkus-run.jar \
  operator/target/test-classes/dev/minmemory/operator/it/ImageSmokeApiServer.class; do
  [[ -e $root/$built ]] || { echo "images: $built is missing: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
done

run_options=()
build_options=()
if [[ $engine == podman && -n ${CONTAINER_RUNTIME:-} ]]; then
  run_options+=(--runtime "$CONTAINER_RUNTIME")
  build_options+=(--runtime "$CONTAINER_RUNTIME")
fi
[[ -z ${BASE_IMAGE:-} ]] || build_options+=(--build-arg "BASE_IMAGE=$BASE_IMAGE")

run_id=$$
server_image=localhost/min-memory-smoke/memory-server:$run_id
operator_image=localhost/min-memory-smoke/operator:$run_id
server_container=min-memory-smoke-server-$run_id
operator_container=min-memory-smoke-operator-$run_id
volume=min-memory-smoke-data-$run_id
work=$(mktemp -d)
api_server_pid=

cleanup() {
  local code=$?
  [[ -z $api_server_pid ]] || kill "$api_server_pid" 2>/dev/null || true
  # One at a time: podman stops at the first name that no longer exists.
  for container in "$server_container" "$operator_container"; do "$engine" rm -f "$container" >/dev/null 2>&1 || true; done
  "$engine" volume rm -f "$volume" >/dev/null 2>&1 || true
  for image in "$server_image" "$operator_image"; do "$engine" rmi "$image" >/dev/null 2>&1 || true; done
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT

step() { echo "images: $* (at ${SECONDS}s)"; }
fail() {
  echo "images: FAILED: $*" >&2
  exit 1
}

step "engine $engine ($("$engine" --version)), base ${BASE_IMAGE:-as in the Dockerfiles}"
cd "$root"

step "building $server_image"
started=$SECONDS
"$engine" build "${build_options[@]}" -f deploy/docker/memory-server.Dockerfile -t "$server_image" . >"$work/server-build.log" 2>&1 \
  || { tail -40 "$work/server-build.log"; fail "the memory server image did not build"; }
step "memory server image built in $((SECONDS - started)) s"

started=$SECONDS
"$engine" build "${build_options[@]}" -f deploy/docker/operator.Dockerfile -t "$operator_image" . >"$work/operator-build.log" 2>&1 \
  || { tail -40 "$work/operator-build.log"; fail "the operator image did not build"; }
step "operator image built in $((SECONDS - started)) s"

# The memory server: read-only, uid 185, published on the host's loopback only.
started=$SECONDS
"$engine" volume create "$volume" >/dev/null
"$engine" run "${run_options[@]}" -d --name "$server_container" --read-only --tmpfs /tmp \
  -v "$volume:/var/lib/min-memory" -p 127.0.0.1::8080 -p 127.0.0.1::9000 \
  -e MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER=true "$server_image" >/dev/null
mcp_port=$("$engine" port "$server_container" 8080 | head -1 | sed 's/.*://')
management_port=$("$engine" port "$server_container" 9000 | head -1 | sed 's/.*://')
until curl -fsS "http://127.0.0.1:$management_port/q/health/ready" >/dev/null 2>&1; do
  [[ $("$engine" inspect -f '{{.State.Running}}' "$server_container") == true ]] \
    || { "$engine" logs "$server_container" 2>&1 | tail -40; fail "the memory server container exited"; }
  ((SECONDS - started < 180)) || { "$engine" logs "$server_container" 2>&1 | tail -40; fail "the memory server was not ready in 180 s"; }
  sleep 1
done
step "memory server ready on 127.0.0.1:$mcp_port in $((SECONDS - started)) s"
uid=$("$engine" exec "$server_container" id -u)
[[ $uid == 185 ]] || fail "the memory server runs as uid $uid, not 185"
! "$engine" exec "$server_container" touch /opt/min-memory/written 2>/dev/null || fail "the root filesystem is writable"
"$engine" logs "$server_container" 2>&1 | grep -q MEMORY_ALLOW_UNAUTHENTICATED_CONTAINER \
  || fail "the server did not log the unauthenticated-container warning"
[[ -d $e2e/node_modules/@modelcontextprotocol/sdk ]] \
  || (cd "$e2e" && npm ci --no-audit --no-fund --omit=optional --loglevel=error)
node "$e2e/image-smoke.js" "http://127.0.0.1:$mcp_port/mcp" || fail "the SDK client's store and retrieve failed"
step "memory server image passed: uid 185, read-only root, store_memory and retrieve_context over MCP"
"$engine" rm -f "$server_container" >/dev/null

# The operator against the mock API server, on the host's network so that it reaches 127.0.0.1.
started=$SECONDS
"$root/mvnw" -B -q -f "$root/operator/pom.xml" exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.minmemory.operator.it.ImageSmokeApiServer \
  -Dexec.args="$root/crds/memoryservers.minmemory.dev-v1.yml team-smoke 180" >"$work/api-server.log" 2>&1 &
api_server_pid=$!
until api_server=$(grep -o 'mock API server at http://[0-9.:]*' "$work/api-server.log" | sed 's/.* at //'); do
  kill -0 "$api_server_pid" 2>/dev/null || { tail -40 "$work/api-server.log"; fail "the mock API server did not start"; }
  sleep 1
done
step "mock API server at $api_server in $((SECONDS - started)) s"
"$engine" run "${run_options[@]}" -d --name "$operator_container" --network host --read-only --tmpfs /tmp \
  -e QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL="$api_server" -e KUBERNETES_NAMESPACE=min-memory-system \
  -e QUARKUS_HTTP_PORT=0 -e MINMEMORY_OPERATOR_SERVER_SIDE_APPLY=false "$operator_image" >/dev/null
if wait "$api_server_pid"; then
  api_server_pid=
  sed -n '/^  /p;/the operator created/p' "$work/api-server.log"
else
  api_server_pid=
  sed -n '/^  /p;/the operator created/p' "$work/api-server.log"
  "$engine" logs "$operator_container" 2>&1 | tail -60
  fail "the operator did not create the MemoryServer's objects"
fi
uid=$("$engine" inspect -f '{{.Config.User}}' "$operator_image")
[[ $uid == 185:185 ]] || fail "the operator image runs as $uid, not 185:185"
step "operator image passed: created the MemoryServer's objects, in $((SECONDS - started)) s with the mock's start"
step "both images built and passed in ${SECONDS} s"
if [[ ${KEEP_IMAGES:-} == 1 ]]; then
  pom() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
  "$engine" tag "$server_image" "$(pom image.registry)/memory-server:$(pom image.tag)"
  "$engine" tag "$operator_image" "$(pom image.registry)/min-memory-operator:$(pom image.tag)"
  step "kept as $(pom image.registry)/memory-server:$(pom image.tag) and $(pom image.registry)/min-memory-operator:$(pom image.tag)"
fi
