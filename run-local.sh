#!/usr/bin/env bash
# Runs the whole An Sinh suite on this machine: PostgreSQL and Kafka (embedded unless
# ANSINH_DB_URL / ANSINH_KAFKA_BOOTSTRAP name your own), the three services as separate
# processes, demo data, until Ctrl-C. Needs only a JDK 17 and access to Maven Central.
# ANSINH_SKIP_BUILD=true reuses the jars of the last build.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${ANSINH_SKIP_BUILD:-false}" != "true" ]; then
  echo "Building (tests skipped; ./mvnw verify runs them) …"
  ./mvnw -B -q package -DskipTests
fi
exec java -cp "stack/target/classes:$(cat stack/target/classpath.txt)" vn.ansinh.stack.LocalStack
