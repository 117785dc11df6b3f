import { fileOutsideAllowedStructure } from '../../checks/file-outside-allowed-structure.js';
import { ruleTester } from '../support/rule-tester.js';

const added = (path: string, content = 'x = 1\n') => ({ files: [{ path, content, status: 'added' as const }] });

ruleTester(fileOutsideAllowedStructure, {
  valid: [
    added('lib/tap_stack.py'),
    added('tests/unit/test_tap_stack.py'),
    added('Pulumi.prod.yaml', 'config: {}\n'),
    added('requirements.txt', 'pulumi>=3\n'),
    added('.github/iac-review.yml', 'region: us-east-1\n'),
    { name: 'modified files are not judged', files: [{ path: 'scripts/deploy.py', content: 'x = 1\n', status: 'modified' }] },
    { name: 'a plain scan has no added files', mode: 'scan', files: [{ path: 'scripts/deploy.py', content: 'x = 1\n', status: 'added' }] },
    { name: 'configured structure', config: { structure: { allowed: ['infra/**'] } }, ...added('infra/network.py') },
    // TypeScript projects
    added('lib/tap-stack.ts', 'export const a = 1;\n'),
    added('bin/tap.ts', 'import { TapStack } from "../lib/tap-stack";\n'),
    added('test/tap-stack.unit.test.ts', 'test("a", () => expect(1).toBe(1));\n'),
    added('package.json', '{ "name": "tap" }\n'),
    added('tsconfig.json', '{}\n'),
    added('jest.config.js', 'module.exports = {};\n'),
  ],
  invalid: [
    { name: 'seed: extra test file outside the layout', ...added('test_integration.py'), errors: [{ line: 1, path: 'test_integration.py', message: /added outside the allowed structure/ }] },
    { ...added('scripts/deploy.py'), errors: [{ line: 1, message: /scripts\/deploy.py/ }] },
    { ...added('lib.py'), errors: [{ line: 1 }] },
    { ...added('docs/notes.md', '# Notes\n'), errors: [{ line: 1 }] },
    { name: 'binary files count too', files: [{ path: 'assets/logo.png', content: new Uint8Array([0x89, 0x50, 0, 1]), status: 'added' }], errors: [{ line: 1, path: 'assets/logo.png' }] },
    { ...added('Pulumi.yml', 'name: x\n'), errors: [{ line: 1 }] },
    { name: 'TypeScript: a source file outside bin/, lib/ and test/', ...added('src/index.ts', 'export const a = 1;\n'), errors: [{ line: 1, path: 'src/index.ts' }] },
    { name: 'configured structure excludes lib/', config: { structure: { allowed: ['infra/**'] } }, ...added('lib/tap_stack.py'), errors: [{ line: 1 }] },
  ],
});
