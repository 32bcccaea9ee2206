#!/usr/bin/env bash
# End-to-end check on a throw-away kind cluster: build both images, install the chart, create a MemoryServer, wait
# for Ready, call the MCP endpoint through ingress-nginx and TLS.
#
# NOT RUN IN CI, and never run where it was written (no Docker engine there). It needs Docker, kind (>= 0.29),
# kubectl, helm 3, Java 17, openssl, curl, envsubst (gettext) and internet access (base images, Qdrant,
# ingress-nginx, the issuer's keys). The Maven build checks what it relies on that can be checked without Docker:
# the chart, the Dockerfiles' inputs, the image names, the MemoryServer below (helm/ tests).
#
# Usage, from anywhere in the repository:
#   deploy/kind/e2e.sh
# Optional environment:
#   E2E_ISSUER        OIDC issuer the server trusts          (default https://accounts.google.com: public keys, no tenant needed)
#   E2E_AUDIENCE      audience its tokens carry              (default https://memory.e2e.test/mcp)
#   E2E_ACCESS_TOKEN  an access token from that issuer for that audience; with it the script also initializes an
#                     MCP session. Without it, it checks the OAuth challenge the server answers an anonymous call with.
#   KEEP_CLUSTER=1    leave the cluster running afterwards (delete it with: kind delete cluster --name min-memory-e2e)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
cluster=min-memory-e2e
host=memory.e2e.test
ingress_nginx=https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.1/deploy/static/provider/kind/deploy.yaml
export E2E_ISSUER=${E2E_ISSUER:-https://accounts.google.com}
export E2E_AUDIENCE=${E2E_AUDIENCE:-https://$host/mcp}
work=$(mktemp -d)

step() { printf '\n==> %s\n' "$*"; }

cleanup() {
  [[ -n ${port_forward:-} ]] && kill "$port_forward" 2>/dev/null || true
  if [[ ${KEEP_CLUSTER:-0} != 1 ]]; then kind delete cluster --name "$cluster" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step "Image names from the parent pom (the one place they are defined)"
pom() { ./mvnw -q -N help:evaluate -Dexpression="$1" -DforceStdout; }
registry=$(pom image.registry)
tag=$(pom image.tag)
server_image=$registry/memory-server:$tag
operator_image=$registry/min-memory-operator:$tag
echo "$server_image" && echo "$operator_image"

step "Build the applications and the images"
./mvnw -B -q package -DskipTests
docker build -f deploy/docker/memory-server.Dockerfile -t "$server_image" .
docker build -f deploy/docker/operator.Dockerfile -t "$operator_image" .

step "Create the kind cluster and load the images"
kind create cluster --name "$cluster" --config deploy/kind/cluster.yaml --wait 120s
kind load docker-image --name "$cluster" "$server_image" "$operator_image"

step "Install ingress-nginx"
kubectl apply -f "$ingress_nginx"
kubectl -n ingress-nginx rollout status deployment/ingress-nginx-controller --timeout=300s

step "Install the operator with the chart"
helm install min-memory-operator helm/min-memory-operator \
  --namespace min-memory-system --create-namespace \
  --set image.pullPolicy=Never \
  --wait --timeout 5m
kubectl -n min-memory-system get pods

step "Create team-a's certificate and MemoryServer"
kubectl create namespace team-a
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
  -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
kubectl -n team-a create secret tls memory-tls --cert "$work/tls.crt" --key "$work/tls.key"
envsubst < deploy/kind/memoryserver-e2e.yaml | kubectl apply -f -

step "Wait for Ready"
if ! kubectl -n team-a wait memsrv/memory --for=condition=Ready --timeout=600s; then
  kubectl -n team-a describe memsrv memory
  kubectl -n team-a get pods
  kubectl -n min-memory-system logs deployment/min-memory-operator --tail=100
  exit 1
fi
kubectl -n team-a get memsrv memory
endpoint=$(kubectl -n team-a get memsrv memory -o jsonpath='{.status.endpoint}')
[[ $endpoint == "https://$host/mcp" ]] || { echo "unexpected endpoint: $endpoint"; exit 1; }

step "Call $endpoint through ingress-nginx"
kubectl -n ingress-nginx port-forward service/ingress-nginx-controller 8443:443 >/dev/null &
port_forward=$!
sleep 3
# --connect-to keeps the Host header and the TLS server name at $host, as a real client sends them.
mcp() { curl -sS --cacert "$work/tls.crt" --connect-to "$host:443:127.0.0.1:8443" "$@"; }
initialize='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"e2e.sh","version":"1"}}}'

mcp -o /dev/null -D "$work/anonymous" -H 'Content-Type: application/json' \
  -H 'Accept: application/json, text/event-stream' -d "$initialize" "$endpoint"
grep -q '^HTTP/[0-9.]* 401' "$work/anonymous" || { cat "$work/anonymous"; echo "expected 401 without a token"; exit 1; }
grep -qi '^www-authenticate: Bearer resource_metadata=' "$work/anonymous"
mcp "https://$host/.well-known/oauth-protected-resource/mcp" | grep -q "\"$E2E_ISSUER"
echo "anonymous call: 401 with the OAuth challenge naming $E2E_ISSUER"

if [[ -n ${E2E_ACCESS_TOKEN:-} ]]; then
  mcp -D "$work/session" -H "Authorization: Bearer $E2E_ACCESS_TOKEN" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d "$initialize" "$endpoint" | tee "$work/initialized"
  grep -qi '^mcp-session-id:' "$work/session" || { cat "$work/session"; echo "no MCP session"; exit 1; }
  grep -q '"serverInfo"' "$work/initialized"
  echo "authenticated call: MCP session initialized"
else
  echo "E2E_ACCESS_TOKEN not set: skipped the authenticated initialize"
fi

step "End-to-end check passed"
