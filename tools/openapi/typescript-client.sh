#!/usr/bin/env bash
# Generates the TypeScript client (typescript-fetch) from docs/openapi.json with the build's OpenAPI
# Generator plugin, compiles it with the pinned TypeScript compiler, and drives a running service
# through it (typescript-client.cjs).
# Usage: tools/openapi/typescript-client.sh http://127.0.0.1:8080
set -euo pipefail
base_url=${1:?usage: typescript-client.sh BASE_URL}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
version=$(sed -n 's:.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*:\1:p' pom.xml)
rm -rf target/typescript-client target/typescript-client-js
# The accuracy histogram's keys ≤256 and >256 would both become _256.
./mvnw -B "org.openapitools:openapi-generator-maven-plugin:$version:generate" \
  -Dopenapi.generator.maven.plugin.inputSpec=docs/openapi.json \
  -Dopenapi.generator.maven.plugin.generatorName=typescript-fetch \
  -Dopenapi.generator.maven.plugin.output=target/typescript-client \
  '-Dopenapi.generator.maven.plugin.nameMappings=≤0.5=atMostHalf,≤1=atMostOne,≤2=atMostTwo,≤4=atMostFour,≤16=atMostSixteen,≤256=atMost256,>256=moreThan256' \
  >target/typescript-client.log 2>&1 || { cat target/typescript-client.log; exit 1; }
cd tools/openapi
[ -d node_modules ] || npm ci --no-audit --no-fund
npx --no-install tsc --outDir ../../target/typescript-client-js --module commonjs --target es2022 \
  --moduleResolution node --lib es2022,dom --skipLibCheck ../../target/typescript-client/index.ts
node typescript-client.cjs "$base_url"
