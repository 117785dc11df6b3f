/**
 * SARIF 2.1.0 for code-scanning tools: one rule entry per catalog rule, one result per
 * finding, with a partial fingerprint so uploads deduplicate across runs.
 */
import { catalog, ruleDocsUrl } from '../core/catalog.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Finding, Severity } from '../api/types.js';
import { TOOL_VERSION } from '../core/version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

export function renderSarif(findings: readonly Finding[]): string {
  const ruleIndex = new Map(catalog.map((entry, index) => [entry.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iac-review',
            version: TOOL_VERSION,
            informationUri: 'https://github.com/iac-review/iac-review',
            rules: catalog.map((entry) => ({
              id: entry.id,
              name: entry.name,
              shortDescription: { text: entry.title },
              fullDescription: { text: entry.why },
              help: {
                text: `${entry.why}\n\nFix: ${entry.fix}`,
                markdown: `${entry.why}\n\n**Fix:** ${entry.fix}\n\nBad:\n\n\`\`\`python\n${entry.badExample}\n\`\`\`\n\nGood:\n\n\`\`\`python\n${entry.goodExample}\n\`\`\``,
              },
              helpUri: ruleDocsUrl(entry.id),
              defaultConfiguration: { level: LEVEL[entry.severity] },
              properties: { category: entry.category, tags: [entry.category] },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(finding.path), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
            },
          ],
          partialFingerprints: { 'iacReview/v1': fingerprint(finding) },
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
