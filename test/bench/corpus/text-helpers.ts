/**
 * Small text helpers shared by the resource sections and the file renderers: truncation of a
 * file as a response that ran out of tokens, title-casing of names, availability zones.
 */
import type { Random } from './seeded-random.js';
import type { Project } from './vocabulary.js';

/** Cuts a file mid-line somewhere in its last third, as a response that ran out of tokens. */
export function truncate(random: Random, text: string): string {
  const cut = Math.floor(text.length * (0.66 + random.next() * 0.33));
  return text.slice(0, cut);
}

export function title(name: string): string {
  return name
    .split(/[_-]/)
    .filter((part) => !/^\d+$/.test(part))
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join(' ');
}

export function azs(project: Project): string[] {
  return ['a', 'b', 'c'].slice(0, project.azCount).map((letter) => `${project.region}${letter}`);
}
