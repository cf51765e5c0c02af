import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { needsBuild, ROOT } from '../../bin/build.js';
import { ruleExpressions } from '../../src/classify/categorize.js';
import { FIGURE_EXPRESSIONS } from '../../src/classify/figures.js';
import { loadRules } from '../../src/classify/load-rules.js';
import { requiredWords } from '../../src/classify/required-words.js';

// The build validates the shipped rules into dist/src/shipped-rules.json (src/config/shipped-rules.ts). Each test runs
// the built CLI from its own copy of dist/ and config/, so it can edit a rules file or damage the artefact.

const NOTICE =
  '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知\n\n2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。\n2024年2月6日\n';

interface Artefact {
  v8: string;
  files: Record<string, string>;
  requiredWords?: Record<string, string[] | null>;
}

let root: string;
const artefactPath = () => join(root, 'dist', 'src', 'shipped-rules.json');
const readArtefact = () => JSON.parse(readFileSync(artefactPath(), 'utf8')) as Artefact;
const digestOf = (name: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, 'config', 'rules', name), 'utf8'))
    .digest('hex');

function run(
  args: string[],
  input = '',
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const config = join(root, 'user-config');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'src', 'cli.js'), ...args, '--config', config], {
      env: { ...process.env, REGWATCH_LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const ruleCount = (stdout: string) => Number(/(\d+) rule\(s\)/.exec(stdout)?.[1]);

describe.skipIf(needsBuild())('the shipped rules as the build validated them', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'regwatch-shipped-rules-'));
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'config'), join(root, 'config'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    mkdirSync(join(root, 'user-config', 'watches'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('are what a run uses while the shipped files are unchanged', async () => {
    const full = await run(['validate']);
    expect(full.code).toBe(0);
    // One rule taken out of the artefact's copy of quota.yaml: the run counts one rule fewer, so it read the artefact.
    const artefact = readArtefact();
    const quota = JSON.parse(artefact.files[digestOf('quota.yaml')]!) as { rules: unknown[] };
    artefact.files[digestOf('quota.yaml')] = JSON.stringify({ ...quota, rules: quota.rules.slice(1) });
    writeFileSync(artefactPath(), JSON.stringify(artefact));
    const fewer = await run(['validate']);
    expect(fewer.code).toBe(0);
    expect(ruleCount(fewer.stdout)).toBe(ruleCount(full.stdout) - 1);
  });

  it('classify a document exactly as rules validated at the run do', async () => {
    const fromArtefact = await run(['classify', '--json', '--entities'], NOTICE);
    writeFileSync(artefactPath(), JSON.stringify({ ...readArtefact(), v8: 'another V8' }));
    const validated = await run(['classify', '--json', '--entities'], NOTICE);
    expect(fromArtefact.code).toBe(0);
    expect(fromArtefact.stdout).toContain('quota_batch');
    expect(fromArtefact.stdout).toBe(validated.stdout);
  });

  it('are not used for a shipped file edited since the build: it is validated, with the usual message', async () => {
    appendFileSync(
      join(root, 'config', 'rules', 'quota.yaml'),
      '  - id: too-heavy\n    category: quota_batch\n    weight: 500\n    phrases: [配额]\n',
    );
    const r = await run(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config[\\/]rules[\\/]quota\.yaml:\d+:\d+: .*weight/);
  });

  it('are ignored, with a line that says so, when the artefact is damaged; the rules are validated instead', async () => {
    const full = await run(['validate']);
    writeFileSync(artefactPath(), '{"v8": "11", "files": {"abc": ');
    const r = await run(['validate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`regwatch: ignoring ${artefactPath()}`);
    expect(r.stderr).toContain('the shipped rules are validated instead');
    expect(ruleCount(r.stdout)).toBe(ruleCount(full.stdout));
  });

  it('are read only when first classified with: a `once` that classifies nothing reads none of them', async () => {
    // A damaged artefact is reported when the rules are read: `validate` reads them, a `once` without watches does not.
    writeFileSync(artefactPath(), '{"v8": "11", "files": {"abc": ');
    const store = `sqlite://${join(root, 'state.sqlite')}`;
    const once = await run(['once'], '', { REGWATCH_STORE: store });
    expect(once.stderr).toContain('checked 0 watch(es)');
    expect(once.code).toBe(0);
    expect(once.stderr).not.toContain('ignoring');
    expect((await run(['validate'])).stderr).toContain(`regwatch: ignoring ${artefactPath()}`);
  });

  it('edited since the build stop a `once` that classifies nothing at load, with the usual message', async () => {
    appendFileSync(
      join(root, 'config', 'rules', 'quota.yaml'),
      '  - id: too-heavy\n    category: quota_batch\n    weight: 500\n    phrases: [配额]\n',
    );
    const r = await run(['once'], '', { REGWATCH_STORE: `sqlite://${join(root, 'state.sqlite')}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config[\\/]rules[\\/]quota\.yaml:\d+:\d+: .*weight/);
    expect(r.stderr).toContain('nothing was checked');
  });

  it('come from another V8 only by validating again (Node upgraded since the build)', async () => {
    const full = await run(['validate']);
    // Another V8's artefact, short of a rule: were it used, the run would count one rule fewer.
    const artefact = readArtefact();
    const quota = JSON.parse(artefact.files[digestOf('quota.yaml')]!) as { rules: unknown[] };
    artefact.files[digestOf('quota.yaml')] = JSON.stringify({ ...quota, rules: quota.rules.slice(1) });
    writeFileSync(artefactPath(), JSON.stringify({ ...artefact, v8: 'another V8' }));
    const r = await run(['validate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(ruleCount(r.stdout)).toBe(ruleCount(full.stdout));
  });

  it('hold the words every pattern of the shipped rules needs, as the classifier reads them now', () => {
    // This process runs the sources, which have no artefact beside them: requiredWords reads each pattern afresh.
    const stored = readArtefact().requiredWords ?? {};
    const { rules } = loadRules([join(ROOT, 'config', 'rules')], {});
    const patterns = [...ruleExpressions(rules!), ...FIGURE_EXPRESSIONS].filter((re): re is RegExp => !!re);
    expect(patterns.length).toBeGreaterThan(50);
    for (const re of patterns) expect(stored[`${re.flags}/${re.source}`], re.source).toEqual(requiredWords(re));
  });

  it('give a run the words its patterns need without reading them again', async () => {
    const read = await run(['classify', '--json'], NOTICE);
    expect(read.stdout).toContain('quota_batch');
    // Every pattern said to need a word no document holds: were the readings not taken from the artefact, the run
    // would classify as before.
    const artefact = readArtefact();
    const never = Object.fromEntries(Object.keys(artefact.requiredWords ?? {}).map((k) => [k, ['\u0000never']]));
    writeFileSync(artefactPath(), JSON.stringify({ ...artefact, requiredWords: never }));
    const seeded = await run(['classify', '--json'], NOTICE);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).not.toContain('quota_batch');
  });
});
