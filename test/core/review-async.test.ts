import { describe, expect, it } from 'vitest';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { reviewWithCatalog, reviewWithCatalogAsync, type InputFile } from '../../src/core/index.js';

const config = resolveConfig({}, catalogIds);
const files: InputFile[] = Array.from({ length: 40 }, (_, index) => ({
  path: `lib/module_${index}.py`,
  content: `"""Module ${index}."""\nimport os\n\n\ndef run(command):\n    """Runs it."""\n    os.system(command)\n${'VALUE = 1\n'.repeat(400)}`,
  status: 'added',
}));

describe('reviewAsync', () => {
  it('finds exactly what the synchronous review finds', async () => {
    const sync = reviewWithCatalog({ files, config, mode: 'change' });
    const sliced = await reviewWithCatalogAsync({ files, config, mode: 'change' }, { sliceMs: 0 });
    expect(sliced.findings).toEqual(sync.findings);
    expect(sliced.findings.filter((finding) => finding.ruleId === 'IAC307')).toHaveLength(40);
  });

  it('gives the event loop turns while it works', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    await reviewWithCatalogAsync({ files, config, mode: 'change' }, { sliceMs: 1 });
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(5);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    const review = reviewWithCatalogAsync({ files, config, mode: 'change' }, { signal: controller.signal, sliceMs: 0 });
    controller.abort(new Error('superseded by abc1234'));
    await expect(review).rejects.toThrow('superseded by abc1234');
  });
});
