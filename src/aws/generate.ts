/**
 * `npm run gen:aws`: regenerates the Pulumi AWS API tables beside this file from the
 * pinned devDependencies `@pulumi/aws` (current major) and `pulumi-aws-v6` (an npm alias of
 * `@pulumi/aws@6.x`). Update a pin with `npm install -D --save-exact @pulumi/aws@<version>`
 * (or `pulumi-aws-v6@npm:@pulumi/aws@<version>`), then run this script and commit the tables.
 *
 * `npm run gen:aws -- --check` regenerates in memory and exits 1 when a committed
 * table differs (a full check; the unit test compares versions and hashes only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractAwsSchema, serializeAwsSchema } from './extract.js';
import { AWS_SCHEMA_SOURCES, generatorHash, tablePath } from './sources.js';

export const GENERATOR = 'src/aws/generate.ts';

export function generateTable(major: number): string {
  const source = AWS_SCHEMA_SOURCES.find((entry) => entry.major === major);
  if (!source) throw new Error(`no @pulumi/aws source configured for major ${major}`);
  const table = extractAwsSchema({ packageDir: source.packageDir(), generator: GENERATOR, generatorHash: generatorHash() });
  if (!table.version.startsWith(`${major}.`)) {
    throw new Error(`${source.packageName} is ${table.version}, expected major ${major}`);
  }
  return serializeAwsSchema(table);
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function main(check: boolean): number {
  let stale = 0;
  for (const source of AWS_SCHEMA_SOURCES) {
    const started = performance.now();
    const text = generateTable(source.major);
    const path = tablePath(source.major);
    const version = (JSON.parse(text) as { version: string }).version;
    const summary = `aws-v${source.major}.json: @pulumi/aws ${version}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, ${(performance.now() - started).toFixed(0)} ms`;
    if (check) {
      const current = readOrEmpty(path) === text;
      if (!current) stale++;
      console.log(`${summary}: ${current ? 'up to date' : 'STALE, run npm run gen:aws'}`);
    } else {
      writeFileSync(path, text);
      console.log(summary);
    }
  }
  return stale ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.includes('--check'));
}
