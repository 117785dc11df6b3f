/**
 * Catalog entries whose detector is not written yet. Each entry moves into its detector's
 * own file when the detector lands; the catalog test keeps every ID present exactly once.
 */
import type { RuleMeta } from '../src/engine/types.js';

export const rulesWithoutDetector: readonly RuleMeta[] = [];
