#!/usr/bin/env bash
# drugstats on a real Spark standalone cluster: a master and two workers on 127.0.0.1, started from the Spark jars
# on the project's classpath (no Spark download), the run submitted with spark-submit in client mode, one worker
# killed (kill -9, with its executor) in the middle of the trend step, and the results compared byte for byte with
# a local run on the same inputs. Every process this script starts is stopped on exit (trap), whatever happens.
#
# Usage: spark-jobs/src/test/cluster/run-cluster.sh
# Environment:
#   DRUGSTATS_CLUSTER_DATA   data directory to run on (default: the repository's data/)
#   DRUGSTATS_CLUSTER_ROWS   rows of the generated country panel added to the inputs, to make the trend step long
#                            enough to kill a worker in it (default 120000 = 6,000 series of 20 years)
#   DRUGSTATS_CLUSTER_KEEP=1 keep the work directory (logs, outputs) after success
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cd "$root"
data="${DRUGSTATS_CLUSTER_DATA:-$root/data}"
rows="${DRUGSTATS_CLUSTER_ROWS:-120000}"
start_time=$(date +%s)
say() { echo "cluster: $(( $(date +%s) - start_time ))s: $*"; }

# --- build: the jars and the classpath ---------------------------------------------------------------------------
say "building (mvn package, dependency:build-classpath)"
mvn -B -q -o -DskipTests -pl spark-jobs/bench -am package dependency:build-classpath \
  -Dmdep.outputFile=target/dependency.classpath -DincludeScope=runtime >/dev/null
# the application jar (the command line, spark-jobs/cli), not the -sources, -javadoc or -tests jar beside it; its
# runtime class path is the production run's: no DuckDB (checked below)
job_jar=$(ls "$root"/spark-jobs/cli/target/drugstats-cli-*.jar | grep -v -e "-sources.jar$" -e "-javadoc.jar$" -e "-tests.jar$" | head -1)
cp_all=$(cat "$root/spark-jobs/cli/target/dependency.classpath")
if echo "$cp_all" | tr ':' '\n' | grep -q duckdb; then
  echo "cluster: the production class path (spark-jobs/cli) contains DuckDB" >&2
  exit 1
fi
# the synthetic generator (spark-jobs/bench) makes the inputs; it is not part of the submitted application
bench_jar=$(ls "$root"/spark-jobs/bench/target/drugstats-bench-*.jar | grep -v -e "-sources.jar$" -e "-javadoc.jar$" -e "-tests.jar$" | head -1)
gen_cp="$bench_jar:$(cat "$root/spark-jobs/bench/target/dependency.classpath")"

work=$(mktemp -d "$root/spark-jobs/target/cluster-XXXXXX")
pids=()
# Signals the processes of the process group $2 that are ours: each daemon runs in its own session (setsid), so its
# group holds it and the executors it launched, and every one of them has this run's work directory on its command
# line. Process ids are recycled quickly (pid_max 32768): a group id recorded earlier may by now belong to someone
# else's processes, so only members whose command line names $work are signalled, one by one.
signal_ours() {
  local sig=$1 group=$2 q
  for q in $(pgrep -g "$group" 2>/dev/null); do
    if alive_ours "$q"; then
      kill "-$sig" "$q" 2>/dev/null || true
    fi
  done
}
# True while process $1 is alive and is ours (see above). No pipe: `tr … | grep -q` fails under pipefail when grep
# exits at the first match and tr, still writing a long command line (the --jars list), dies of SIGPIPE.
alive_ours() {
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  [[ "$cmd" == *"$work"* ]]
}
# True while our own child $1 runs. Its pid cannot be recycled before this script waits for it, so no command-line
# check is needed (and none would work: until the forked shell has exec'ed java, its command line is this script's,
# which on a loaded machine made the watch loop below end at once and never kill the worker); a zombie has ended.
child_running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}
cleanup() {
  status=$?
  for p in "${pids[@]}"; do signal_ours TERM "$p"; done
  sleep 1
  for p in "${pids[@]}"; do signal_ours KILL "$p"; done
  if [ $status -eq 0 ] && [ -z "${DRUGSTATS_CLUSTER_KEEP:-}" ]; then
    rm -rf "$work"
  else
    echo "cluster: logs and outputs kept in $work" >&2
  fi
  exit $status
}
trap cleanup EXIT INT TERM

# A Spark "installation" for the daemons: SPARK_HOME/jars holds the third-party jars of the project's classpath
# (Spark and its dependencies among them); the workers launch executors with SPARK_HOME/jars/* on their classpath.
# The application's own jars (core, reports, spark-jobs, cli) are not there: spark-submit ships them to the executors.
spark_home="$work/spark-home"
mkdir -p "$spark_home/jars" "$spark_home/conf"
app_jars=()
for j in $(echo "$cp_all" | tr ':' '\n'); do
  case "$j" in
    "$root"/*) app_jars+=("$j") ;;
    *) ln -sf "$j" "$spark_home/jars/" ;;
  esac
done
cp "$root/spark-jobs/src/main/resources/log4j2.properties" "$spark_home/conf/log4j2.properties"
export SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/local"
mkdir -p "$work/local"

# JVM flags Spark needs on Java 17 (Spark's JavaModuleOptions); executors get them from Spark itself.
flags=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
daemon_cp="$spark_home/jars/*"
app_cp="$daemon_cp:$(IFS=:; echo "${app_jars[*]}"):$job_jar"

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# --- inputs: the data directory plus a generated panel (synthetic, kept outside data/) ---------------------------
inputs="$work/inputs"
mkdir -p "$inputs"
cp -rs "$(cd "$data" && pwd)/." "$inputs/"
say "generating a country panel of $rows rows for the trend step"
java "${flags[@]}" -Xmx1g -cp "$gen_cp" org.drugstats.cli.DrugstatsCli generate --kind country-panel --rows "$rows" \
  --seed 7 --countries-from "$data" --out "$inputs/synthetic-panel" >/dev/null

# The same configuration for both runs: the HTML report is not a Spark step and is not compared (it holds timings).
printf 'report:\n  enabled: false\n' >"$work/cluster.yaml"

# --- the cluster ---------------------------------------------------------------------------------------------------
master_port=$(free_port)
say "starting a master on 127.0.0.1:$master_port and two workers (1 core, 1 GB each)"
setsid java "${flags[@]}" -Xmx256m -cp "$daemon_cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port "$(free_port)" >"$work/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  setsid java "${flags[@]}" -Xmx256m -cp "$daemon_cp" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 1g --work-dir "$work/worker$i" --webui-port "$(free_port)" \
    "spark://127.0.0.1:$master_port" >"$work/worker$i.log" 2>&1 &
  pids+=($!)
  eval "worker$i=$!"
done
for i in $(seq 1 120); do
  [ "$(grep -l 'Successfully registered with master' "$work"/worker*.log 2>/dev/null | wc -l)" -ge 2 ] && break
  sleep 1
done
grep -q 'Successfully registered with master' "$work/worker1.log" && grep -q 'Successfully registered with master' "$work/worker2.log" \
  || { echo "cluster: the workers did not register with the master" >&2; exit 1; }

# --- the run under spark-submit -------------------------------------------------------------------------------------
say "submitting drugstats run (client mode)"
# created before the run starts, so that the wait below can grep it at once
: >"$work/submit.log"
setsid java "${flags[@]}" -Xmx1g -Dlog4j.configurationFile="$spark_home/conf/log4j2.properties" -cp "$daemon_cp" \
  org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$master_port" --deploy-mode client \
  --class org.drugstats.cli.DrugstatsCli --jars "$(IFS=,; echo "${app_jars[*]}")" \
  --conf spark.executor.memory=768m --conf spark.executor.cores=1 \
  "$job_jar" run --data "$inputs" --out "$work/out-cluster" --config "$work/cluster.yaml" --verbose \
  >"$work/submit.log" 2>&1 &
submit=$!
pids+=($submit)

# wait for the trend step, then kill worker 1 and its executor (its whole process group) mid-step
killed=""
while child_running "$submit"; do
  if [ -z "$killed" ] && grep -q 'trend: started' "$work/submit.log"; then
    sleep "${DRUGSTATS_CLUSTER_KILL_AFTER:-5}"
    if grep -q 'trend: done' "$work/submit.log"; then
      echo "cluster: the trend step ended before the worker could be killed; raise DRUGSTATS_CLUSTER_ROWS" >&2
      exit 1
    fi
    say "killing worker 1 (pid $worker1) and its executor in the middle of the trend step"
    signal_ours KILL "$worker1"
    wait "$worker1" 2>/dev/null || true
    killed=yes
  fi
  sleep 0.5
done
set +e
wait "$submit"
submit_status=$?
set -e
cat "$work/submit.log" | grep '^drugstats:' || true
[ -n "$killed" ] || { echo "cluster: the run ended before the trend step started" >&2; exit 1; }
[ $submit_status -eq 0 ] || { echo "cluster: the cluster run failed (status $submit_status); see $work/submit.log" >&2; exit 1; }
grep -q 'trend: done' "$work/submit.log"
lost=$(grep -c -i -E 'lost executor|executor.*(lost|removed)' "$work/submit.log" || true)
say "cluster run succeeded after the worker was killed (executor-loss lines in the driver log: $lost)"

# --- a local run on the same inputs, and the comparison --------------------------------------------------------------
say "running the same job locally (local[2])"
java "${flags[@]}" -Xmx2g -cp "$app_cp" org.drugstats.cli.DrugstatsCli run --data "$inputs" --out "$work/out-local" \
  --config "$work/cluster.yaml" --master 'local[2]' >"$work/local.log" 2>&1 || { cat "$work/local.log" >&2; exit 1; }
(cd "$work/out-cluster" && find results quarantine -type f | sort | xargs sha256sum) >"$work/cluster.sha256"
(cd "$work/out-local" && find results quarantine -type f | sort | xargs sha256sum) >"$work/local.sha256"
if ! diff -u "$work/local.sha256" "$work/cluster.sha256"; then
  echo "cluster: results differ between the cluster run and the local run" >&2
  exit 1
fi
say "identical: $(wc -l <"$work/local.sha256") result files byte for byte (cluster with a killed worker vs local)"
