import type { ExpectationStatus } from '../expectations/expectation-service.js';
import type { Store } from '../store/store.js';
import type { Category, SourceKind } from '../types.js';

/**
 * The platform-neutral side of `/regwatch`: Slack and Discord parse their own payloads into a CommandRequest, call
 * `runCommand`, and render the CommandAnswer with their own blocks/embeds. One definition serves both platforms,
 * Discord registration and the help text.
 */
export interface CommandRequest {
  /** Sub-command: quota, exports, controls, latest, status, watches, subscribe, unsubscribe, help. */
  name: string;
  /** Remaining words (Slack) or option values in order (Discord). */
  args: string[];
  platform: 'slack' | 'discord';
  channelId: string;
  userId: string;
  /** Whether the user may change subscriptions (decided by the platform layer from config and permissions). */
  isAdmin: boolean;
}

/** A source named in an answer: every answer names its sources and dates. */
export interface AnswerSource {
  label: string;
  url?: string;
  date?: string;
}

/** A neutral answer: a title, sections of text lines and optional table rows, and the sources it rests on. */
export interface CommandAnswer {
  title: string;
  sections: Array<{ heading?: string; lines: string[] }>;
  /** A compact table (e.g. figures): header + rows of cells. */
  table?: { header: string[]; rows: string[][] };
  sources: AnswerSource[];
  /** Only the asker sees it (errors, help, refusals). */
  ephemeral: boolean;
  /** true when the request was refused or invalid. */
  error?: boolean;
  /**
   * A chart to post after the answer's text (a Slack file upload, a Discord follow-up with an attachment). Drawn only
   * when called, so the text never waits for the picture; null when there is nothing to draw.
   */
  chart?: () => Promise<AnswerAttachment | null>;
}

/** A file that goes with an answer or an alert. */
export interface AnswerAttachment {
  filename: string;
  /** What it shows (alt text, upload title). */
  title: string;
  contentType: 'image/png';
  data: Buffer;
}

/** A watch as the commands see it. */
export interface WatchInfo {
  id: string;
  name: string;
  source: SourceKind;
  kind: string;
  url: string;
  schedule: string;
}

/** A delivery destination's state, for `status`. */
export interface DestinationState {
  id: string;
  type: string;
  state: 'ok' | 'retrying' | 'down' | 'failing';
  pending: number;
  lastError: string | null;
  hint: string | null;
  since: string | null;
}

/** What commands may read and change. */
export interface CommandContext {
  store: Store;
  watches(): WatchInfo[];
  destinations(): Promise<DestinationState[]>;
  /** Rebuild routing after a subscription change, so the next alert already follows it. */
  refreshDestinations(): Promise<void>;
  now(): Date;
  /** Each expectation's last and next window (`expected`); absent where no daemon runs them. */
  expectations?(): Promise<ExpectationStatus[]>;
}

/** Option of a sub-command, in a shape Discord registration and Slack help both use. */
export interface CommandOption {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required?: boolean;
  choices?: Array<{ name: string; value: string }>;
  autocomplete?: boolean;
  /** Accepts several values (Slack: several words; Discord: up to N options named name, name2 …). */
  repeat?: number;
}

export interface CommandSpec {
  name: string;
  description: string;
  usage: string;
  options: CommandOption[];
  adminOnly?: boolean;
  run(req: CommandRequest, ctx: CommandContext): Promise<CommandAnswer>;
}

export type { Category, SourceKind };
