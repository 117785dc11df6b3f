/**
 * Findings the engine itself raises: about suppressions and about files it could not
 * analyse. They live in the catalog beside the detectors so that nothing is silent.
 */
import type { RuleMeta } from '../api/types.js';

export const INVALID_SUPPRESSION: RuleMeta = {
  id: 'IAC001',
  name: 'invalid-suppression',
  title: 'Suppression comment without a reason or with an unknown rule ID',
  category: 'Review Engine',
  severity: 'notice',
  why: 'A suppression silences a real finding; without a reason the next reviewer cannot tell a deliberate exception from a hidden problem, and an unknown rule ID silences nothing.',
  fix: 'Write `# iac-review: ignore[RULE_ID] reason` with a catalog rule ID and a short reason.',
  badExample: 'exec(code)  # iac-review: ignore[IAC307]',
  goodExample: 'exec(code)  # iac-review: ignore[IAC307] sandboxed fixture, reviewed by security',
  seed: { report: 'engine', section: 'Suppressions' },
};

export const FILE_NOT_ANALYZED: RuleMeta = {
  id: 'IAC002',
  name: 'file-not-analyzed',
  title: 'File could not be analyzed',
  category: 'Review Engine',
  severity: 'notice',
  why:
    'A file that is binary, not UTF-8 or too large was not checked; saying so beats silently passing it. A rule that fails on a file ("rule X could not check this file") is reported at error severity, so the check cannot pass with that file unchecked, and no suppression comment in the file silences it; the other rules\' findings still come out.',
  fix: 'Store source files as UTF-8 text within the size limit, or raise `limits.max_file_bytes`; report a rule that could not check a file as a bug (the message names the rule and its error).',
  badExample: '# lib/tap_stack.py saved as UTF-16 or larger than the size limit',
  goodExample: '# lib/tap_stack.py saved as UTF-8 text',
  seed: { report: 'engine', section: 'Bad input' },
};

export const ENGINE_RULES: readonly RuleMeta[] = [INVALID_SUPPRESSION, FILE_NOT_ANALYZED];
