/**
 * Where the generated Pulumi AWS API tables come from (the pinned devDependencies) and where
 * they live. Resolving a package needs node_modules, so only the generator and the staleness
 * test call `packageDir`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortHash } from './extract.js';

export interface AwsSchemaSource {
  major: number;
  /** The devDependency name: `@pulumi/aws`, or an npm alias such as `pulumi-aws-v6`. */
  packageName: string;
  packageDir(): string;
}

const require = createRequire(import.meta.url);

function installedDir(packageName: string): string {
  return dirname(require.resolve(`${packageName}/package.json`));
}

export const AWS_SCHEMA_SOURCES: readonly AwsSchemaSource[] = [
  { major: 7, packageName: '@pulumi/aws', packageDir: () => installedDir('@pulumi/aws') },
  { major: 6, packageName: 'pulumi-aws-v6', packageDir: () => installedDir('pulumi-aws-v6') },
];

/** The table file of a major version, beside this module (src/aws/aws-v7.json). */
export function tablePath(major: number): string {
  return fileURLToPath(new URL(`./aws-v${major}.json`, import.meta.url));
}

/** Files whose change changes the generated tables. */
const GENERATOR_FILES = ['declaration-entries.ts', 'declaration-types.ts', 'extract.ts', 'module-collection.ts', 'python-names.ts', 'type-codes.ts', 'types.ts'];

/** Hash of the generator's sources (line endings normalised), recorded in every table. */
export function generatorHash(): string {
  const texts = GENERATOR_FILES.map((file) => `${file}\n${readFileSync(new URL(`./${file}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n')}`);
  return shortHash(texts.join('\n'));
}
