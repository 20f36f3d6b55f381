# Shared by the bench scripts: ports, waiting for kinora, and the reference nginx.

# A scratch folder in $work, removed on exit together with the processes in $pids and a
# PostgreSQL cluster in $work/pg, if the script started one.
start_workdir() {  # name
  work=$(mktemp -d "/tmp/kinora-$1-XXXXXX")
  chmod 755 "$work"  # nginx workers and the PostgreSQL cluster run as other users
  pids=()
  trap cleanup_workdir EXIT
}
cleanup_workdir() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -d "$work/pg" ]; then scripts/pg-test-cluster.sh stop "$work/pg"; fi
  rm -rf "$work"
}

# A fresh database for one backend: the file $work/NAME.db, or database NAME on a
# PostgreSQL cluster it starts in $work/pg (once per script; cleanup_workdir stops it).
bench_database_url() {  # backend name
  if [ "$1" = postgres ]; then
    local url
    url=$(scripts/pg-test-cluster.sh start "$work/pg" "$(free_port)")
    psql "$url" -qc "CREATE DATABASE $2" >/dev/null
    echo "${url%/*}/$2"
  else
    echo "sqlite:$work/$2.db"
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

listening_port() {  # kinora's log file -> the port it announced
  for _ in $(seq 600); do
    grep -o '"msg":"listening".*"port":[0-9]*' "$1" 2>/dev/null | grep -o '[0-9]*$' && return
    sleep 0.1
  done
  echo "kinora did not start: $(cat "$1")" >&2
  exit 1
}

# Writes $work/nginx.conf for a tuned static nginx (sendfile, no access log) listening on
# 127.0.0.1:PORT, with the given location blocks and default type.
reference_nginx_conf() {  # work port default_type locations...
  local work=$1 port=$2 type=$3
  shift 3
  cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    default_type $type;
    $*
  }
}
CONF
}

# "AMD EPYC (family 25, model 17)": the model name alone does not tell CPU generations apart.
cpu_model() {
  lscpu | awk -F: '
    /^Model name/ { gsub(/^ +/, "", $2); name = name ? name : $2 }
    /^CPU family/ { gsub(/^ +/, "", $2); family = $2 }
    /^Model:/     { gsub(/^ +/, "", $2); model = $2 }
    END { printf "%s (family %s, model %s)\n", name, family, model }'
}
