import type { ConfigIssue } from '../config/config-issue.js';
import { readYamlFile, validateYaml } from '../config/config-issue.js';
import { yamlFiles } from '../config/paths.js';
import { compileRuleSet, type RuleSet } from './compile-rules.js';
import { rulesFileSchema, type ClassifierSettings, type RuleConfig } from './rule-schema.js';

/**
 * Load `rules/*.yaml` from each directory in order (the shipped rules first, then the user's). A user rule with the
 * id of a shipped rule replaces it, so ops can tune a weight without copying the whole set; within one directory an
 * id may appear once. `settings:` from a later file overrides an earlier one.
 */
export function loadRules(
  dirs: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  displayRoot?: string,
): { rules?: RuleSet; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const byId = new Map<string, { rule: RuleConfig; file: string }>();
  let settings: ClassifierSettings | undefined;
  for (const dir of dirs) {
    const seen = new Map<string, string>();
    for (const path of yamlFiles(dir)) {
      const read = readYamlFile(path, env, displayRoot);
      issues.push(...read.issues);
      if (!read.yaml) continue;
      const { value, issues: found } = validateYaml(read.yaml, rulesFileSchema);
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
  return { rules: compileRuleSet([...byId.values()], settings), issues };
}
