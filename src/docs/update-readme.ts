/** `npm run docs`: regenerates README.md's rule catalog from the catalog. */
import { readFileSync, writeFileSync } from 'node:fs';
import { catalog } from '../core/catalog.js';
import { renderCatalogMarkdown, withCatalog } from './catalog-markdown.js';

const readmeUrl = new URL('../../README.md', import.meta.url);
const before = readFileSync(readmeUrl, 'utf8');
const after = withCatalog(before, renderCatalogMarkdown(catalog));
writeFileSync(readmeUrl, after);
process.stdout.write(before === after ? 'README.md catalog already up to date\n' : 'README.md catalog updated\n');
