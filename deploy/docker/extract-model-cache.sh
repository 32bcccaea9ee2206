#!/usr/bin/env bash
# Usage: extract-model-cache.sh <quarkus-app dir> <cache dir>
#
# Starts the memory server once per embedding model with its cache directory set to <cache dir> and stops it when
# ready: by then the model and tokenizer files and ONNX Runtime's native libraries are extracted there. A server
# started later with MEMORY_EMBEDDING_CACHE_DIR=<cache dir> finds them in place and writes nothing to the directory,
# so it may be read-only. DJL's tokenizer library is not kept: DJL writes a temporary directory into its cache on
# every start, so DJL_CACHE_DIR must be writable at run time anyway. Used by memory-server.Dockerfile.
set -euo pipefail

app=$1
cache=$2
port=18080
management_port=18081
DJL_CACHE_DIR=$(mktemp -d)
export DJL_CACHE_DIR

# Readiness over bash's /dev/tcp (HTTP/1.0), so that the build needs neither curl nor a network.
ready() (
  exec 3<>"/dev/tcp/127.0.0.1/$management_port" || exit 1
  printf 'GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r _ status _ <&3
  [[ $status == 200 ]]
)

for model in bge-small-en-v1.5-q bge-small-en-v1.5 e5-small-v2-q; do
  data=$(mktemp -d)
  MEMORY_EMBEDDING_CACHE_DIR=$cache MEMORY_EMBEDDING_MODEL=$model MCP_DATA_DIR=$data PORT=$port MANAGEMENT_PORT=$management_port \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 java -jar "$app/quarkus-run.jar" &
  server=$!
  for _ in $(seq 180); do
    ready 2>/dev/null && break
    kill -0 "$server"   # stops the script if the server died
    sleep 1
  done
  ready || { echo "the server was not ready in 180 s" >&2; exit 1; }
  kill "$server"
  wait "$server" || true
  rm -rf "$data"
done
rm -rf "$DJL_CACHE_DIR"
echo "model cache ready in $cache:"
find "$cache" -type f | sort
