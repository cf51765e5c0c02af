import { readFileSync } from 'node:fs';
import { isSecretName, MIN_NAMED_SECRET_LENGTH, registerSecret } from '../security/secrets.js';

/**
 * Container secrets are mounted as files: for every `NAME_FILE` variable whose `NAME` is not set, read the file into
 * `NAME` (trailing newline removed). Runs once at start-up, before anything reads the environment.
 */
export function loadSecretFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  for (const [key, path] of Object.entries(env)) {
    if (!key.endsWith('_FILE') || !path) continue;
    const name = key.slice(0, -'_FILE'.length);
    // Only regwatch's own variables and secrets: other tools' *_FILE variables (TF_CLI_CONFIG_FILE …) are theirs.
    if (!name || env[name] !== undefined || !(/^(?:REGWATCH|SLACK|DISCORD)_/.test(name) || isSecretName(name)))
      continue;
    try {
      env[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
      registerSecret(env[name], MIN_NAMED_SECRET_LENGTH);
    } catch (error) {
      problems.push(
        `${key}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ${name} stays unset`,
      );
    }
  }
  return problems;
}
