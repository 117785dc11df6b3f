/**
 * SARIF 2.1.0 for code scanning: one rule entry per catalog rule (with `security-severity` on
 * security rules, which GitHub shows as critical/high/medium/low), one result per finding with
 * a partial fingerprint, fixes as `fixes`, and artifact paths relative to the repository root
 * under `%SRCROOT%`, so an upload of a subfolder's scan lines up with the repository's files.
 */
import { catalog, ruleDocsUrl, type CatalogEntry } from '../core/catalog.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Finding, Severity, TextEdit } from '../api/types.js';
import { TOOL_VERSION } from '../core/version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
/** GitHub's bands: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', notice: '2.0' };
const SECURITY_CATEGORY = 'Security';
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** The scanned root relative to the repository root, with a trailing `/` ('' at the root). */
  pathPrefix?: string;
  /** Absolute `file:` URI of the repository root, ending in `/`; defines %SRCROOT%. */
  rootUri?: string;
  /** `runAutomationDetails.id`: the category code scanning files the results under (`iac-review/scan/`). */
  automationId?: string;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(entry: CatalogEntry) {
  const security = entry.category === SECURITY_CATEGORY;
  return {
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
    properties: {
      category: entry.category,
      // Code scanning shows a security severity only for rules tagged `security`.
      tags: security ? ['security', entry.category] : [entry.category],
      ...(security ? { 'security-severity': SECURITY_SEVERITY[entry.severity] } : {}),
    },
  };
}

function region(span: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

function sarifFix(finding: Finding, uri: string) {
  const fix = finding.fix;
  if (!fix) return undefined;
  return [
    {
      description: { text: fix.description },
      artifactChanges: [
        {
          artifactLocation: { uri, uriBaseId: SRCROOT },
          // An empty deleted region is an insertion point.
          replacements: fix.edits.map((edit: TextEdit) => ({ deletedRegion: region(edit), insertedContent: { text: edit.text } })),
        },
      ],
    },
  ];
}

function result(finding: Finding, ruleIndex: ReadonlyMap<string, number>, pathPrefix: string) {
  const uri = encodePath(`${pathPrefix}${finding.path}`);
  const fixes = sarifFix(finding, uri);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(finding) } }],
    partialFingerprints: { 'iacReview/v1': fingerprint(finding) },
    ...(finding.preExisting ? { baselineState: 'unchanged' as const } : {}),
    ...(fixes ? { fixes } : {}),
  };
}

export function renderSarif(findings: readonly Finding[], options: SarifOptions = {}): string {
  const ruleIndex = new Map(catalog.map((entry, index) => [entry.id, index]));
  const pathPrefix = options.pathPrefix ?? '';
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iac-review',
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: 'https://github.com/iac-review/iac-review',
            rules: catalog.map(ruleDescriptor),
          },
        },
        automationDetails: { id: options.automationId ?? 'iac-review/' },
        originalUriBaseIds: {
          [SRCROOT]: {
            ...(options.rootUri ? { uri: options.rootUri } : {}),
            description: { text: 'The root of the repository the paths are relative to.' },
          },
        },
        results: findings.map((finding) => result(finding, ruleIndex, pathPrefix)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
