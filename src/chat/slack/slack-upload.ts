/**
 * Files to Slack (chart PNGs): @slack/web-api's `files.uploadV2` — files.getUploadURLExternal, the bytes to the
 * upload URL Slack hands out, files.completeUploadExternal to share them in a channel (or a thread). Needs the
 * `files:write` scope. Its own client: the upload URL is absolute, which the posting client refuses on purpose.
 */
import type { Logger } from 'pino';
import { slackLogger } from './slack-logger.js';
import type { AnswerAttachment } from '../../commands/types.js';

export interface SlackUpload {
  token: string;
  channelId: string;
  threadTs?: string;
  file: AnswerAttachment;
  initialComment?: string;
}

/** `apiUrl`: the Web API base (slackApiUrl(env)). */
export async function uploadToSlack(apiUrl: string, upload: SlackUpload, log: Logger): Promise<void> {
  const { webApi } = await import('@slack/bolt');
  const client = new webApi.WebClient(upload.token, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 1 },
    timeout: 30_000,
    logger: slackLogger(log, 'slack-upload'),
  });
  const file = {
    file: upload.file.data,
    filename: upload.file.filename,
    title: upload.file.title,
    alt_text: upload.file.title,
    ...(upload.initialComment ? { initial_comment: upload.initialComment } : {}),
  };
  await client.filesUploadV2(
    upload.threadTs
      ? { ...file, channel_id: upload.channelId, thread_ts: upload.threadTs }
      : { ...file, channel_id: upload.channelId },
  );
}
