# Shared by deploy/local/run and deploy/local/token: the repository root and the runtime's classpath, built
# when anything it needs is missing.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runtime_cp="$root/deploy/runtime/target/classes:$root/deploy/runtime/target/lib/*"

build_if_missing() {
  local missing=()
  [ -d "$root/deploy/runtime/target/lib" ] || missing+=("deploy/runtime")
  for module in "$@"; do
    [ -f "$root/$module/target/quarkus-app/quarkus-run.jar" ] || missing+=("$module")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Building (missing: ${missing[*]}) ..."
    (cd "$root" && ./mvnw -B -q install -DskipTests)
  fi
}
