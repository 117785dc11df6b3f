/**
 * Catalog entries whose detector is not written yet. Each entry moves into its detector's
 * own file when the detector lands; the catalog test keeps every ID present exactly once.
 */
import type { RuleMeta } from '../src/engine/types.js';

const tracking = (section: string) => ({ report: 'model-failures-tracking' as const, section });

export const rulesWithoutDetector: readonly RuleMeta[] = [
  {
    id: 'IAC305',
    name: 'placeholder-resource-name',
    title: 'Test or placeholder names in production',
    category: 'Best Practice',
    severity: 'warning',
    why: 'Names like "test" or "example" in production confuse operators and cost allocation.',
    fix: 'Name resources after their purpose and environment.',
    badExample: 'aws.s3.Bucket("test-bucket")',
    goodExample: 'aws.s3.Bucket(f"app-logs-{environment_suffix}")',
    seed: tracking('Resource Naming Issues'),
  },
];
