/**
 * `regwatch … | head`: a command whose reader goes away ends quietly (exit 0, no `write EPIPE` stack trace), whether it
 * prints classifications or alert payloads.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureSite } from '../helpers/fixture-site.js';
import { ROOT, runCli, runCliClosingStdout, tempConfig } from '../helpers/run-cli.js';

const quietEnd = (r: { code: number | null; stdout: string; stderr: string }) => {
  expect(r.stdout.length).toBeGreaterThan(0); // it did print before its reader left
  expect(r.stderr).not.toMatch(/EPIPE|Error|at .*\.ts:\d+/);
  expect(r.code).toBe(0);
};

describe('a command whose reader closes early', () => {
  it('classify --json | head ends quietly', async () => {
    const doc = join(ROOT, 'test', 'fixtures', 'corpus', 'b-001-miit-2024-batch1.txt');
    quietEnd(await runCliClosingStdout(['classify', '--json', ...Array.from({ length: 300 }, () => doc)]));
  });

  describe('once --json | head', () => {
    let site: FixtureSite;
    beforeAll(async () => (site = await new FixtureSite().start()));
    afterAll(async () => site.stop());

    it('ends quietly while it still has alerts to print', async () => {
      site.publishFeed({ slug: 'old', title: 'Rare earth market steady', date: '2024-01-09', body: 'Quiet.' });
      const cfg = tempConfig({
        'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
        'watches/feed.yaml': `watches:\n  - id: news\n    source: news\n    kind: feed\n    follow: false\n    url: ${site.base}/feed.xml\n`,
      });
      const env = { REGWATCH_STORE: cfg.store, REGWATCH_HISTORY: 'off' };
      expect((await runCli(['once', '--config', cfg.dir], env)).code).toBe(0); // baseline
      for (let i = 0; i < 150; i++)
        site.publishFeed({
          slug: `n${i}`,
          title: `Rare earth export licences: notice ${i}`,
          date: '2024-02-01',
          body: `Notice ${i} on rare earth export licences. `.repeat(20),
        });
      quietEnd(await runCliClosingStdout(['once', '--config', cfg.dir, '--json'], env));
    });
  });
});
