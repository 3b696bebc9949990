#!/usr/bin/env bash
# Regenerates docs/gpu/explain-report.md: every SQL paragraph of the Zeppelin notes and the run and
# dataset queries of README.md / datasets/README.md, run under the RAPIDS Accelerator in explain-only
# mode on this (CPU) machine, against tiny real runs/datasets made on the way (an es run, a discover run, a
# sweep's run catalogue, a generate dataset: each note against the kind of run it analyses). See docs/GPU.md.
#   docs/gpu/explain.sh [REPORT]      (default docs/gpu/explain-report.md; raw plugin output under target/gpu-explain/raw)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
report="$(realpath -m "${1:-$root/docs/gpu/explain-report.md}")"
work="$root/target/gpu-explain"
cd "$root"

# The plugin jar (≈1 GB, downloaded once and checked by the opt-in profile; offline, as the download is Ant's), then the project's
# classes and the test classpath (the runner reuses the Zeppelin-note reader of the tests).
mvn -o -B -q -Prapids -N initialize
plugin="$(ls "$root"/target/rapids/rapids-4-spark_2.13-*.jar | tail -1)"
mvn -o -B -q -pl jobs -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/gpu-explain-classpath.txt
classpath="$root/jobs/target/test-classes:$root/jobs/target/classes:$root/udfs/target/classes:$root/datasets/target/classes:$root/models/target/classes:$(cat "$root/jobs/target/gpu-explain-classpath.txt")"

rm -rf "$work" && mkdir -p "$work"
opens=$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' "$root/pom.xml")
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" SPARK_SCALA_VERSION=2.13
# The plugin must come through --jars: on the plain application classpath it fails at start-up.
# shellcheck disable=SC2086
java $opens -Xmx4g -cp "$classpath" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' \
  --jars "$plugin" \
  --conf spark.plugins=com.nvidia.spark.SQLPlugin \
  --conf spark.rapids.sql.mode=explainOnly \
  --conf spark.rapids.sql.explain=NONE \
  --conf spark.rapids.skipGpuArchitectureCheck=true \
  --conf spark.ui.enabled=false \
  --conf spark.sql.shuffle.partitions=2 \
  --class io.morphospark.jobs.gpu.GpuExplainRunner \
  spark-internal "$report" "$root/notebooks-zeppelin" "$work" --raw "$work/raw"
