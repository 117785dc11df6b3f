/**
 * The committed Pulumi AWS API tables against the pinned devDependencies. Regenerating takes
 * several seconds per table, so this test compares what decides the content instead:
 *   - the package version recorded in the table is the installed (pinned) one;
 *   - the generator hash recorded in the table matches the generator's current sources;
 *   - the content hash matches the modules as committed (no hand edits).
 * `npm run gen:aws -- --check` does the full in-memory regeneration and comparison.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/aws/extract.js';
import { AWS_SCHEMA_SOURCES, generatorHash, tablePath } from '../../src/aws/sources.js';
import type { AwsSchemaTable } from '../../src/aws/types.js';

const REGENERATE = 'stale: run `npm run gen:aws` and commit src/aws/aws-v*.json';

describe.each(AWS_SCHEMA_SOURCES.map((source) => [source.major, source] as const))('aws-v%i.json', (major, source) => {
  const text = readFileSync(tablePath(major), 'utf8');
  const table = JSON.parse(text) as AwsSchemaTable;

  it('records the pinned, installed @pulumi/aws version', () => {
    const installed = JSON.parse(readFileSync(join(source.packageDir(), 'package.json'), 'utf8')) as { name: string; version: string };
    expect(installed.name).toBe('@pulumi/aws');
    expect(table.package).toBe('@pulumi/aws');
    expect(table.version, REGENERATE).toBe(installed.version);
    expect(table.version.split('.')[0]).toBe(String(major));
    // The devDependency is pinned exactly, so the table cannot drift with a fresh install.
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies[source.packageName]).toMatch(new RegExp(`(^|@)${table.version.replace(/\./g, '\\.')}$`));
  });

  it('was made by the current generator', () => {
    expect(table.generatorHash, REGENERATE).toBe(generatorHash());
  });

  it('is not edited by hand', () => {
    expect(contentHash(table.modules), REGENERATE).toBe(table.contentHash);
  });

  it('stays within the size budget', () => {
    expect(statSync(tablePath(major)).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('holds what the detectors rely on', () => {
    expect(table.modules.ec2?.resources.Vpc?.args.split(' ')).toContain('cidr_block');
    expect(table.modules.ec2?.resources.Vpc?.args.split(' ')).toContain('enable_dns_hostnames:b');
    expect(table.modules.lambda_?.resources.Function?.args.split(' ')).toContain('memory_size:n');
    expect(table.modules.lambda_?.resources.Function?.args.split(' ')).toContain('role!');
    expect(table.modules.index?.resources.Provider?.args.split(' ')).toContain('region');
    expect(table.modules.index?.resources.Provider?.token).toBe('pulumi:providers:aws');
    expect(table.modules.ec2?.resources.Vpc?.out?.split(' ')).toContain('arn');
    expect(table.modules.index?.functions.get_caller_identity?.out?.split(' ')).toContain('account_id');
    expect(Object.values(table.modules.lambda_?.enums.Runtime?.members ?? {})).toContain('python3.12');
    expect(Object.keys(table.modules).length).toBeGreaterThan(200);
  });
});
