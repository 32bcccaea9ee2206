# Takes a snapshot of every collection on every Qdrant pod and keeps the newest $RETAIN of each.
# Qdrant's image has bash but no HTTP client, so requests go over bash's /dev/tcp. Nothing is written to the
# (read-only) root filesystem: no here-strings, no temporary files.
set -euo pipefail

request() {
  local method=$1 host=$2 path=$3 response status
  exec 3<>"/dev/tcp/$host/$QDRANT_PORT"
  printf '%s %s HTTP/1.0\r\nHost: %s\r\napi-key: %s\r\nContent-Length: 0\r\n\r\n' \
    "$method" "$path" "$host" "$QDRANT_API_KEY" >&3
  response=$(cat <&3)
  exec 3<&-
  status=${response%%$'\r'*}
  case $status in
    "HTTP/1."?" 200"*) printf '%s' "${response#*$'\r\n\r\n'}" ;;
    *) echo "$method http://$host:$QDRANT_PORT$path answered: $status" >&2; return 1 ;;
  esac
}

names() {
  grep -o '"name":"[^"]*"' | sed -e 's/^"name":"//' -e 's/"$//' || true
}

for host in $QDRANT_HOSTS; do
  collections=$(request GET "$host" /collections)
  for collection in $(printf '%s' "$collections" | names); do
    request POST "$host" "/collections/$collection/snapshots?wait=true" >/dev/null
    snapshots=$(request GET "$host" "/collections/$collection/snapshots")
    # Qdrant names snapshots <collection>-<peer>-<YYYY-MM-DD-HH-MM-SS>.snapshot: by name is by age, per pod.
    expired=$(printf '%s' "$snapshots" | names | sort | head -n -"$RETAIN")
    for snapshot in $expired; do
      request DELETE "$host" "/collections/$collection/snapshots/$snapshot?wait=true" >/dev/null
    done
    echo "$host: snapshot of $collection taken; deleted: $(printf '%s' "${expired:-none}" | tr '\n' ' ')"
  done
done
