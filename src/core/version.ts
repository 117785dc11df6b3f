/** The tool's version, read once from package.json (shipped beside dist/). */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'iac-review' && parsed.version) return parsed.version;
    } catch {
      // Try the next location: src/core/ in development, dist/src/core/ when built.
    }
  }
  return '0.0.0';
}

export const TOOL_VERSION = readVersion();
