#!/bin/sh
# Regenerates Sources/FlexitiSandbox/DefaultSeed.swift from sandbox/seed.json (run from the repo root).
set -e
out=Sources/FlexitiSandbox/DefaultSeed.swift
{
  echo '// Generated from sandbox/seed.json by sandbox/gen-default-seed.sh; a test checks they match.'
  echo 'let defaultSeedJSON = #"""'
  cat sandbox/seed.json
  echo '"""#'
} > "$out"
