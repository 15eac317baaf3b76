#!/usr/bin/env bash
# Benchmarks that print figures (see the README of each service for the results).
#   ./benchmark.sh import [scale ...]         survey import into households-service (default scales 0.1 1)
#   ./benchmark.sh entitlements [scale ...]   registry events into benefits-service
#   ./benchmark.sh indicators [scale ...]     registry events into reporting-service, until the indicators are published
#   ./benchmark.sh pipeline [scale ...]       the whole suite: upload to final indicators, with the COPY and producer floor (default 0.1 0.5 1)
# ANSINH_SKIP_BUILD=true reuses the jars of the last build.
set -euo pipefail
cd "$(dirname "$0")"
what="${1:-}"; shift || true
case "$what" in
  import) main=vn.ansinh.stack.ImportBenchmark ;;
  entitlements) main=vn.ansinh.stack.EntitlementBenchmark ;;
  indicators) main=vn.ansinh.stack.IndicatorBenchmark ;;
  pipeline) main=vn.ansinh.stack.PipelineBenchmark ;;
  *) echo "usage: $0 import|entitlements|indicators|pipeline [scale ...]" >&2; exit 2 ;;
esac
if [ "${ANSINH_SKIP_BUILD:-false}" != "true" ]; then
  ./mvnw -B -q package -DskipTests
fi
exec java -cp "stack/target/classes:$(cat stack/target/classpath.txt)" "$main" "$@"
