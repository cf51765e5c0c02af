import type { NotifierFactory } from '../src/notify/notifier.js';
import { consoleNotifier } from './console.js';
import { discordNotifier } from './discord.js';
import { slackNotifier } from './slack.js';
import { webhookNotifier } from './webhook.js';

/** Every channel type of notify.yaml: adding one is one file in notifiers/ and one line here. */
export const notifiers: Record<string, NotifierFactory> = {
  console: consoleNotifier,
  discord: discordNotifier,
  slack: slackNotifier,
  webhook: webhookNotifier,
};
