import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';
import { textOverlap, textShingles } from './text-overlap.js';

/**
 * One event, one alert. The same announcement is posted on several official URLs (www.mofcom.gov.cn/zwgk/zcfb and
 * aqygzj.mofcom.gov.cn; www.miit.gov.cn and the gov.cn policy library) and reposted by the press. Each document gets
 * an event key — its own document number (工信部联原〔2024〕25号, 商务部公告2025年第61号), else its normalised title —
 * and the first alert with a key stands for the event; later sightings are recorded as its sources.
 */

/** 工信部联原〔2024〕25号, 国土资发[2014]65号 — brackets of any width. */
const BRACKET_NUMBER = /([\u4e00-\u9fa5]{2,12})\s*[〔［[【(（﹝]\s*(\d{4})\s*[〕］\]】)）﹞]\s*(\d{1,4})\s*号/g;
/** 商务部 海关总署公告2025年第18号 */
const ANNOUNCEMENT_NUMBER =
  /((?:(?:商务部|海关总署|工业和信息化部|自然资源部|国家国防科技工业局|国家原子能机构)[\s、和与]*)+)公告\s*(\d{4})\s*年\s*第\s*(\d{1,4})\s*号/g;
/** A number right after one of these is a document this one refers to (suspends, amends, applies), not its own. */
const REFERS = /(关于|暂停|停止|根据|依据|按照|废止|修订|修改|执行|实施|落实|对|见|与|和)\s*(?:《)?$/;
const REFERRING_WORD = /关于|暂停|停止|根据|依据|按照|废止|修订|修改|执行|实施|落实|对|见/;
/** …or right before one of these: "商务部公告2025年第61号（…）自即日起暂停实施". */
const ACTED_ON =
  /^\s*(?:（[^）]{0,60}）)?\s*(?:自即日起|自\d{4}年\d{1,2}月\d{1,2}日起)?\s*(?:暂停|停止|废止|不再|继续|同时废止|予以废止)/;
/** Only the head of a document carries its own number: the title, the 文号 line, the first lines. */
const HEAD_CHARS = 400;
/** Titles shorter than this are too generic to identify an event ("通知", "3月"). */
const MIN_TITLE = 10;

/** The document's own number, normalised, if its head states one. */
export function ownDocumentNumber(title: string, text: string): string | null {
  const head = `${title}\n${text.slice(0, HEAD_CHARS)}`.normalize('NFKC');
  const found: Array<{ at: number; length: number; number: string }> = [];
  for (const m of head.matchAll(BRACKET_NUMBER)) {
    // The issuer part is greedy ("根据工信部联原"): a referring word inside it makes the number a reference.
    const referred = REFERRING_WORD.test(m[1]!);
    found.push({ at: referred ? -1 : m.index, length: m[0].length, number: `${m[1]}〔${m[2]}〕${m[3]}号` });
  }
  for (const m of head.matchAll(ANNOUNCEMENT_NUMBER))
    found.push({
      at: m.index,
      length: m[0].length,
      number: `${m[1]!.replace(/[\s、和与]+/g, '')}公告${m[2]}年第${m[3]}号`,
    });
  found.sort((a, b) => a.at - b.at);
  for (const f of found) {
    if (f.at < 0) continue;
    if (
      REFERS.test(head.slice(Math.max(0, f.at - 8), f.at)) ||
      ACTED_ON.test(head.slice(f.at + f.length, f.at + f.length + 80))
    )
      continue;
    // "商务部 海关总署公告" and "海关总署公告" found at different offsets name the same document: keep the fullest.
    return f.number.replace(/\s+/g, '');
  }
  return null;
}

/** A title reduced to what identifies it: NFKC, lower case, no site suffix, no spaces or punctuation. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\s+[-–—|_]\s+[^-–—|_]{2,40}$/u, '') // "… - Reuters", "… | South China Morning Post"
    .replace(/_[^_]{2,30}_[^_]{2,20}$/u, '') // "…的通知_国务院部门文件_中国政府网"
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The event key of a document: `doc:<number>` or `title:<normalised title>`; null when neither identifies it. */
export function eventKeyOf(title: string, text: string): string | null {
  const number = ownDocumentNumber(title, text);
  if (number) return `doc:${number}`;
  const t = normaliseTitle(title);
  return t.length >= MIN_TITLE ? `title:${t}` : null;
}

/** What identifies a document's event: its key, and for a title key a fingerprint of its text. */
export interface EventIdentity {
  key: string;
  /** Sampled shingles of the body (title keys only): see text-overlap.ts. */
  shingles?: number[];
}

/** The event identity of a document, or null when nothing identifies it. */
export function eventIdentityOf(title: string, text: string): EventIdentity | null {
  const key = eventKeyOf(title, text);
  if (!key) return null;
  return key.startsWith('title:') ? { key, shingles: textShingles(text) } : { key };
}

/** Where an event has been seen: the first alert and every later sighting. */
export interface EventRecord {
  alertId: string;
  firstSeen: string;
  /** The first document's publication date (else the day it was found): title matches are judged against it. */
  date?: string;
  /** The first document's text fingerprint (title keys). */
  shingles?: number[];
  sightings: Array<{ url: string; source: string; watch: string; alertId: string; at: string }>;
}

const recordKey = (key: string) => `event:${key}`;
/**
 * Ministries reuse titles for different events (商务部新闻发言人就…答记者问, weekly press conferences, monthly tables),
 * so one title is one event only when the documents appeared within a few days of each other — reposts follow
 * within days — and their texts overlap (a repost carries the text; another week's answers do not). A document
 * number is unique for good.
 */
const TITLE_DAYS = 4;
const MIN_OVERLAP = 0.5;

const dayOf = (alert: Alert) => alert.publishedAt?.slice(0, 10) ?? alert.detectedAt.slice(0, 10);

/** Whether a document with the same title key is the event recorded in `old`. */
function sameTitledEvent(old: EventRecord, alert: Alert, shingles: number[] | undefined): boolean {
  const days = Math.abs(Date.parse(dayOf(alert)) - Date.parse(old.date ?? old.firstSeen.slice(0, 10))) / 86_400_000;
  if (!(days <= TITLE_DAYS)) return false;
  const overlap = textOverlap(old.shingles, shingles);
  // Too little text to compare (a headline-only repost): close dates and the same title decide.
  return overlap === null || overlap >= MIN_OVERLAP;
}

/**
 * Record that `alert` is a sighting of the event `key`. Returns the record and whether this alert is the first
 * (then it is sent as usual) or a later sighting (then it only adds a source; `fresh` the first time this sighting is
 * recorded). The same alert again is still first.
 */
export async function recordSighting(
  store: Store,
  { key, shingles }: EventIdentity,
  alert: Alert,
): Promise<{ first: boolean; fresh: boolean; record: EventRecord }> {
  let first = false;
  let fresh = false;
  const record = await store.update<EventRecord>(recordKey(key), (old) => {
    const another =
      key.startsWith('title:') && old && old.alertId !== alert.id && !sameTitledEvent(old, alert, shingles);
    if (!old || old.alertId === alert.id || another) {
      first = true;
      if (old?.alertId === alert.id) return old;
      return {
        alertId: alert.id,
        firstSeen: alert.detectedAt,
        date: dayOf(alert),
        ...(shingles ? { shingles } : {}),
        sightings: [],
      };
    }
    if (old.sightings.some((s) => s.alertId === alert.id)) return old;
    fresh = true;
    return {
      ...old,
      sightings: [
        ...old.sightings,
        { url: alert.url, source: alert.watch.name, watch: alert.watch.id, alertId: alert.id, at: alert.detectedAt },
      ],
    };
  });
  return { first, fresh, record };
}

export async function eventRecord(store: Store, key: string): Promise<EventRecord | undefined> {
  return store.get<EventRecord>(recordKey(key));
}
