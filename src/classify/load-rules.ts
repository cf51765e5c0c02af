import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ConfigIssue } from '../config/config-issue.js';
import { readYamlFile, validateYaml } from '../config/config-issue.js';
import { yamlFiles } from '../config/paths.js';
import { sha256 } from '../hash.js';
import { validatedShippedRules, type ShippedRulesArtefact } from '../config/shipped-rules.js';
import { compileRuleSet, type RuleSet } from './compile-rules.js';
import { ruleSchemas, type ClassifierSettings, type RuleConfig } from './rule-schema.js';

/**
 * Load `rules/*.yaml` from each directory in order (the shipped rules first, then the user's). A user rule with the
 * id of a shipped rule replaces it, so ops can tune a weight without copying the whole set; within one directory an
 * id may appear once. `settings:` from a later file overrides an earlier one.
 *
 * A shipped file as built comes validated from the build (src/config/shipped-rules.ts); when every file does, the
 * set is compiled when the classifier first reads it, so a run that classifies nothing never compiles it. Any other
 * file is validated here, and the set compiled at once, as before.
 */
export function loadRules(
  dirs: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  displayRoot?: string,
): { rules?: RuleSet; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const byId = new Map<string, { rule: RuleConfig; file: string }>();
  let settings: ClassifierSettings | undefined;
  let allFromBuild = true;
  for (const dir of dirs) {
    const seen = new Map<string, string>();
    for (const path of yamlFiles(dir)) {
      const read = readYamlFile(path, env, displayRoot);
      issues.push(...read.issues);
      if (!read.yaml) continue;
      const built = read.yaml.shippedDigest ? validatedShippedRules(read.yaml.shippedDigest) : undefined;
      if (!built) allFromBuild = false;
      const { value, issues: found } = built
        ? { value: built, issues: [] }
        : validateYaml(read.yaml, ruleSchemas().rulesFile);
      issues.push(...found);
      if (!value) continue;
      if (value.settings) settings = value.settings;
      value.rules.forEach((rule, i) => {
        const first = seen.get(rule.id);
        if (first) {
          issues.push(
            read.yaml!.issue(
              ['rules', i, 'id'],
              `duplicate rule id "${rule.id}" (first defined in ${first}): give each rule its own id`,
            ),
          );
          return;
        }
        seen.set(rule.id, read.yaml!.file);
        byId.set(rule.id, { rule, file: read.yaml!.file });
      });
    }
  }
  if (issues.length > 0) return { issues };
  const compile = () => compileRuleSet([...byId.values()], settings);
  return { rules: allFromBuild ? compiledOnFirstUse(compile) : compile(), issues };
}

/** Every key of a RuleSet, so the lazy one below has them all (the compiler checks the list). */
const RULE_SET_KEYS = Object.keys({
  rules: 0,
  settings: 0,
  background: 0,
  present: 0,
  clauses: 0,
  promises: 0,
  further: 0,
} satisfies Record<keyof RuleSet, 0>) as Array<keyof RuleSet>;

/**
 * A RuleSet compiled when any of its keys is first read; it then holds the compiled values as plain properties, so the
 * classifier reads them at no extra cost.
 */
function compiledOnFirstUse(compile: () => RuleSet): RuleSet {
  const set = {} as RuleSet;
  const fill = (): RuleSet => {
    const compiled = compile();
    for (const key of RULE_SET_KEYS)
      Object.defineProperty(set, key, { value: compiled[key], enumerable: true, writable: true, configurable: true });
    return compiled;
  };
  for (const key of RULE_SET_KEYS)
    Object.defineProperty(set, key, { get: () => fill()[key], enumerable: true, configurable: true });
  return set;
}

/**
 * What the build writes as shipped-rules.json (bin/build.js; read by src/config/shipped-rules.ts): each rules file of
 * `dir` with its validated value, when the whole set loads without an issue and compiles. Files whose value depends
 * on the environment (`${VAR}`) or does not survive JSON are left out, and so validated at each run.
 */
export function shippedRulesArtefact(dir: string): ShippedRulesArtefact | undefined {
  const loaded = loadRules([dir], {});
  if (!loaded.rules) return undefined;
  void loaded.rules.rules; // compiled now: a set that does not compile gets no artefact
  const files: Record<string, string> = {};
  for (const path of yamlFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    const { yaml } = readYamlFile(path, {});
    const value = yaml ? validateYaml(yaml, ruleSchemas().rulesFile).value : undefined;
    const json = value === undefined ? undefined : JSON.stringify(value);
    if (text.includes('${') || json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) continue;
    files[sha256(text)] = json;
  }
  return { v8: process.versions.v8, files };
}
