#!/usr/bin/env python3
"""Where a bench subject's stream thread spends its CPU, by stage, from an async-profiler profile.

Profile a bench run with per-thread collapsed stacks (docs/BENCHMARKS.md, "Where the detector's time
goes"), then:

    scripts/stream-thread-split.py run.collapsed detector [US_PER_RECORD]

Only the stream threads of the measured rounds (bench-roundN-<subject>-...-StreamThread-1) count.
Each sample goes to the stage of its innermost marked frame (a sample in the sink's serializer under
the decision step counts as the sink's). With US_PER_RECORD (the bench's
<subject>_stream_thread_cpu_us_per_record), shares are also given in µs per record.
"""
import collections
import re
import sys

# stage, frame pattern; the innermost (leaf-most) frame matching any pattern decides
STAGES = [
    ("consumer poll", r"KafkaConsumer\.poll|StreamThread\.pollRequests|addRecordsToTasks"),
    ("commit (incl. store flush)", r"TaskManager\.commit|TaskExecutor\.commit|StreamThread\.maybeCommit|flushCache|ProcessorStateManager\.flush"),
    ("Kafka Streams record loop", r"StreamTask\.process$|StreamTask\.doProcess|SourceNode\.|RecordQueue|PartitionGroup|RecordDeserializer|StreamTask\.punctuate|maybePunctuate"),
    ("forward between nodes", r"ProcessorContextImpl\.forward|ProcessorNode\.process|forwardInternal"),
    ("ingest: rest (validation, partition check)", r"IngestProcessor\.process|PartitionCheck|Ingest\.read|ReadingValidator"),
    ("ingest: decode", r"AvroCodec\.decode|NativeReadingDecoder|SensorReadingReader"),
    ("features", r"GroupStages\.accept|FeaturesProcessor\.process|FeaturesStep\.|FeatureExtractor|EntityWindow"),
    ("scoring: batch, results (Java)", r"ScoringProcessor\.|ScoringBatch\.|ScoringEngine\.|BatchScorer\.|PendingCodec"),
    ("scoring: ONNX Runtime (native)", r"ai/onnxruntime|libonnxruntime|OrtSession|onnxruntime::"),
    ("decision", r"DecisionProcessor\.|DecisionStep\.|Decider\.|AlertTracker|ThresholdPolicy|TailState|SmoothedScore|Percentiles"),
    ("scored record built", r"ScoredReadings\."),
    ("sink: serializers", r"SinkNode\.process|RecordCollectorImpl\.send|ScoredReadingWriter|AvroSerde|AvroCodec\.encode|PassThroughTopology"),
    ("sink: producer send", r"KafkaProducer\.send|KafkaProducer\.doSend|RecordAccumulator"),
]
PATTERNS = [(stage, re.compile(pattern)) for stage, pattern in STAGES]


def stage_of(frames):
    stage, depth = "other (scheduling, kernel, JVM)", -1
    for i, frame in enumerate(frames):
        for name, pattern in PATTERNS:
            if i >= depth and pattern.search(frame):
                stage, depth = name, i
    return stage


def main():
    path, subject = sys.argv[1], sys.argv[2]
    us = float(sys.argv[3]) if len(sys.argv) > 3 else None
    thread = re.compile(r"^\[bench-round\d+-%s-[^\]]*StreamThread-1 tid=\d+\]$" % re.escape(subject))
    samples = collections.Counter()
    for line in open(path):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        frames = stack.split(";")
        if thread.match(frames[0]):
            samples[stage_of(frames[1:])] += int(count)
    total = sum(samples.values())
    if total == 0:
        sys.exit(f"no samples of {subject}'s measured rounds in {path}")
    for stage, count in samples.most_common():
        share = 100 * count / total
        print(f"{stage:45s} {share:5.1f} %" + (f"  {us * share / 100:5.2f} us/record" if us else ""))
    print(f"{'samples':45s} {total}")


if __name__ == "__main__":
    main()
