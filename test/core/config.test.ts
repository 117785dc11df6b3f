import { describe, expect, it } from 'vitest';
import { catalogIds } from '../../src/core/catalog.js';
import { ConfigError, DEFAULT_ALLOWED_STRUCTURE, parseConfigText } from '../../src/core/config.js';

const parse = (text: string) => parseConfigText(text, catalogIds);

describe('config', () => {
  it('fills defaults for an empty file', () => {
    const config = parse('');
    expect(config.failOn).toBe('error');
    expect(config.allowedStructure).toEqual(DEFAULT_ALLOWED_STRUCTURE);
    expect(config.maxInlineComments).toBe(30);
    expect(config.region).toBeUndefined();
    expect(config.newOnly).toBeUndefined();
  });

  it('reads every documented key', () => {
    const config = parse(
      [
        'region: eu-west-1',
        'environment: production',
        'structure:',
        '  allowed: ["infra/**"]',
        'rules:',
        '  IAC307: warning',
        '  IAC401: off',
        'fail_on: warning',
        'paths:',
        '  include: ["**/*.py"]',
        '  exclude: ["vendor/**"]',
        'comments:',
        '  max_inline: 10',
        'review:',
        '  new_only: false',
        'limits:',
        '  max_file_bytes: 1000',
      ].join('\n'),
    );
    expect(config).toMatchObject({
      region: 'eu-west-1',
      environment: 'production',
      allowedStructure: ['infra/**'],
      failOn: 'warning',
      include: ['**/*.py'],
      exclude: ['vendor/**'],
      maxInlineComments: 10,
      newOnly: false,
      maxFileBytes: 1000,
    });
    expect(config.ruleLevels.get('IAC307')).toBe('warning');
    expect(config.ruleLevels.get('IAC401')).toBe('off');
  });

  it.each([
    ['unknown key', 'regoin: us-east-1', /\(top level\): unknown key\(s\) "regoin"/],
    ['unknown nested key', 'paths:\n  includes: ["x"]', /paths: unknown key\(s\) "includes"/],
    ['unknown rule ID', 'rules:\n  IAC999: off', /rules.IAC999: unknown rule ID "IAC999"/],
    ['bad level', 'rules:\n  IAC307: loud', /rules.IAC307/],
    ['bad fail_on', 'fail_on: critical', /fail_on/],
    ['review.new_only not a boolean', 'review:\n  new_only: yes please', /review.new_only/],
    ['bad region', 'region: Mars', /region: expected an AWS region/],
    ['not a mapping', '- a\n- b', /expected a mapping/],
    ['broken YAML', 'region: [us-east-1', /invalid YAML/],
  ])('rejects %s with a message naming it', (_name, text, message) => {
    expect(() => parse(text)).toThrow(ConfigError);
    expect(() => parse(text)).toThrow(message);
  });
});
