/**
 * Names as a language writes them, for messages: the model's canonical snake_case
 * (`depends_on`, `cidr_block`) is `dependsOn`, `cidrBlock` in TypeScript.
 */
import type { SourceLanguage } from './model.js';

export function spell(name: string, language: SourceLanguage): string {
  if (language === 'python') return name;
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `pulumi.ResourceOptions(provider=p)` / `{ provider: p }`: an option as the language passes it. */
export function optionExample(name: string, value: string, language: SourceLanguage): string {
  return language === 'python' ? `opts=pulumi.ResourceOptions(${name}=${value})` : `{ ${spell(name, language)}: ${value} }`;
}

/** `name=value` / `name: value`: an argument as the language writes it. */
export function argumentExample(name: string, value: string, language: SourceLanguage): string {
  return language === 'python' ? `${name}=${value}` : `${spell(name, language)}: ${value}`;
}

/** `self` / `this`. */
export function selfName(language: SourceLanguage): string {
  return language === 'python' ? 'self' : 'this';
}

/** A resource type as the language's SDK names it: `aws.ec2.Vpc`, `aws.lambda_.Function` (Python), `aws.Provider`. */
export function typeName(type: { provider: string; module: string; name: string }, language: SourceLanguage): string {
  if (type.provider === 'component') return type.name;
  const module = language === 'python' && (type.module === 'lambda' || type.module === 'import' || type.module === 'global') ? `${type.module}_` : type.module;
  return type.module === 'index' ? `${type.provider}.${type.name}` : `${type.provider}.${module}.${type.name}`;
}

/** `cidrBlocks` / `CIDR_BLOCKS` / `cidr-blocks` -> `cidr_blocks`: a key as the model's canonical names spell it. */
export function snakeCase(key: string): string {
  if (!/[A-Z-]/.test(key)) return key;
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}
