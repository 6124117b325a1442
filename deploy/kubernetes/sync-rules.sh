#!/usr/bin/env bash
# Rewrites prometheus-rule.yaml from prometheus/rules/vigil-alerts.yml (its `groups:` indented under spec).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rules="$here/../../prometheus/rules/vigil-alerts.yml"
{
  sed -n '1,/^spec:$/p' "$here/prometheus-rule.yaml"
  sed -n '/^groups:/,$p' "$rules" | sed 's/^\(.\)/  \1/'
} > "$here/prometheus-rule.yaml.new"
mv "$here/prometheus-rule.yaml.new" "$here/prometheus-rule.yaml"
