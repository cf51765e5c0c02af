/** What the rules read of dpdm's tree: each file's imported files (`id` null for one dpdm could not resolve). */
export type ImportGraph = Record<string, readonly { id: string | null }[] | null>;

/** One boundary of the layout: no file matching `from` imports a file matching `to`. */
export interface ImportRule {
  from: RegExp;
  to: RegExp;
  why: string;
  /** An import this rule refuses (most are ones the earlier layout had), so a test can show the rule is alive. */
  refuses: [from: string, to: string];
}

/** The boundaries docs/architecture.md describes, checked on direct imports (type-only and dynamic included). */
export const IMPORT_RULES: readonly ImportRule[] = [
  {
    from: /^src\/config\//,
    to: /^(watchers|notifiers)\/|^src\/plugins\.ts$/,
    why: 'config imports no plug-in: the entry points hand the registries over (src/plugins.ts)',
    refuses: ['src/config/write-json-schema.ts', 'src/plugins.ts'],
  },
  {
    from: /^watchers\//,
    to: /^src\/pipeline\//,
    why: 'watchers use src/watcher-kit/, never the internals of the check',
    refuses: ['watchers/list.ts', 'src/pipeline/follow-item.ts'],
  },
  {
    from: /^src\/watcher-kit\//,
    to: /^src\/pipeline\//,
    why: 'the watchers’ kit stands below the check that uses it',
    refuses: ['src/watcher-kit/follow-item.ts', 'src/pipeline/check-steps.ts'],
  },
  {
    from: /^src\/commands\//,
    to: /^src\/chat\/|^notifiers\//,
    why: 'command logic is platform-free: Slack and Discord render its answers',
    refuses: ['src/commands/latest.ts', 'src/chat/slack/slack-blocks.ts'],
  },
  {
    from: /^src\/chat\//,
    to: /^notifiers\//,
    why: 'a platform’s home holds its code; the notifier plug-in imports from it, never the reverse',
    refuses: ['src/chat/slack.ts', 'notifiers/slack.ts'],
  },
  {
    from: /^notifiers\//,
    to: /^src\/commands\//,
    why: 'an alert’s rendering does not depend on the chat commands',
    refuses: ['notifiers/slack-blocks.ts', 'src/commands/format.ts'],
  },
  {
    from: /^src\/render\//,
    to: /^src\/(chat|commands|pipeline)\/|^notifiers\//,
    why: 'the shared rendering serves every channel, the commands and the dashboard, so it depends on none of them',
    refuses: ['src/render/labels.ts', 'src/commands/format.ts'],
  },
];

/** "importer → imported: why" for every import the rules refuse. */
export function boundaryViolations(tree: ImportGraph, rules: readonly ImportRule[] = IMPORT_RULES): string[] {
  const found: string[] = [];
  for (const [file, deps] of Object.entries(tree))
    for (const dep of deps ?? [])
      for (const rule of rules)
        if (dep.id && rule.from.test(file) && rule.to.test(dep.id)) found.push(`${file} → ${dep.id}: ${rule.why}`);
  return found;
}
