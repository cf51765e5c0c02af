/**
 * Test file order for `npm test`: the files that take longest start first, so that neither of the two workers is
 * left running one long file alone at the end while the other has nothing to do (vitest hands out whole files).
 *
 * vitest orders by the durations it cached from earlier runs, but a fresh clone (CI after `npm ci`) has no cache and
 * falls back to file size. The list below is measured (`npm test` writes test-results/vitest.json; see
 * docs/operations.md, "Test suite"), longest first. A stale list costs minutes, never correctness: files not listed
 * run after these, in vitest's own order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const SLOW_FILES = [
  'test/browser/browser-pool.test.ts',
  'test/faults/sigkill.test.ts',
  'test/scale/replicas.test.ts',
  'test/pipeline/failures.test.ts',
  'test/faults/ops-alerts.test.ts',
  'test/browser/browser-wait.test.ts',
  'test/dashboard/dashboard-browser.test.ts',
  'test/demo/demo.test.ts',
  'test/store/store-backends.test.ts',
  'test/pipeline/closed-reader.test.ts',
  'test/browser/once-browser.test.ts',
  'test/pipeline/once.test.ts',
  'test/classify/classify-cli.test.ts',
  'test/chat/slack-notifier.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const path = spec.moduleId.slice(spec.project.config.root.length + 1).replaceAll('\\', '/');
      const i = SLOW_FILES.indexOf(path);
      return i < 0 ? SLOW_FILES.length : i;
    };
    // A stable sort: the files not listed keep vitest's order among themselves.
    return ordered
      .map((spec, i) => ({ spec, i, r: rank(spec) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.spec);
  }
}
