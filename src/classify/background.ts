/**
 * News or background: where a sentence stands in the document and what time it speaks of. A sentence is background when
 * it recalls (a past-tense or "earlier" marker, 此前, 曾, "had", "last year") or when every date it names ends well
 * before the document's date ("in April" in a story of July; 2019 in a story of 2025). A sentence that names the
 * present (近日, 昨日, "on Thursday", "this week") is news whatever else it recalls.
 */

/** A document date as a day number (days since 1970-01-01), or null when the document has none. */
export type DayNumber = number;

const DAY = 86_400_000;
const dayNumber = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
/** The last day of a month (m 1–12), or of the year when m is 12 and the text gave only a year. */
const monthEnd = (y: number, m: number) => dayNumber(y, m + 1, 0);

export function documentDay(date: string | null | undefined): { day: DayNumber; year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return { day: dayNumber(year, month, Number(m[3] ?? 15)), year, month };
}

const YEAR_SEASON = 75;
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_DATE =
  /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+((?:19|20)\d\d)\b)?/g;
// (Not a year compared with: "up 12.9% on 2024", "from 2023", "than in 2022".)
const EN_YEAR =
  /(?<![\d.,$€¥£-])\b((?:19|20)\d\d)\b(?<!\b(?:on|from|than|over|against|versus|vs\.?|than in|with)\s+(?:the\s+)?\d{4})(?!\s*(?:metric|tonnes?|tons?|t\b|kt|mt|%|percent|yuan|dollars|-\d|年|\/\d))/g;
// (明年/次年 before a month: next year's, a date to come — "意见反馈截止时间为明年1月9日".)
const ZH_DATE = /(?:((?:19|20)\d\d)年|(明年|次年))?(\d{1,2})月(?:(\d{1,2})[日号])?/g;
// "next January", "January next year": a date to come.
const EN_NEXT_BEFORE = /\bnext\s+$/i;
const EN_NEXT_AFTER = /^,?\s+next\s+year\b/i;
const ZH_YEAR = /((?:19|20)\d\d)年(?!\d{1,2}月)/g;
// "去年" and "last year" as a time, not as the base of a comparison (比去年, 去年同期, "up 5% from last year", "than
// same time of last year", "the same period last year").
const ZH_RELATIVE_YEAR = /(?<![比较于与和])(去年|前年|上年)(?!同期|的?水平)/g;
// (The look-behinds stand after the words, so they are tried only where "last year" occurs.)
const EN_RELATIVE_YEAR =
  /\b(last|previous) year\b(?<!\b(?:from|than|over|with|versus|vs\.?|on|against)\s+(?:a\s+|the\s+same\s+\w+\s+)?(?:last|previous) year)(?<!\bsame\s+(?:time|period|months?|quarter|stretch|span|point|stage)\s+(?:of\s+|in\s+)?(?:last|previous) year)/gi;

// "上月" and "last month" as a time (exports came to … last month), not as the base of a comparison (较上月, "from
// last month"): the month before the document's.
const ZH_RELATIVE_MONTH = /上个?月(?<![比较于与和环]上个?月)(?!同期)/g;
const EN_RELATIVE_MONTH = /\blast month\b(?<!\b(?:from|than|over|with|versus|vs\.?|on|against)\s+last month)/gi;

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
// 二〇二四年, 十月, 二十三日: Chinese numerals right before 年/月/日/号.
const CHINESE_DATE_NUMBER = /[〇零一二三四五六七八九十]{1,4}[年月日号]/;
const CHINESE_DATE_NUMBERS = /[〇零一二三四五六七八九十]{1,4}(?=[年月日号])/g;

/** A year written digit by digit (二〇二四 → 2024), or a month or day count (十 → 10, 二十三 → 23). */
function chineseDateNumber(s: string): string {
  if (!s.includes('十')) return [...s].map((c) => DIGIT[c] ?? '').join('');
  const [tens, ones] = s.split('十');
  return String((tens ? (DIGIT[tens] ?? 1) : 1) * 10 + (ones ? (DIGIT[ones] ?? 0) : 0));
}

/**
 * The last day of each period a sentence names, read relative to the document: "April" without a year is the last
 * April up to the document's month (a month after it, with no year, may be a coming date and is left out).
 */
export function namedDays(
  text: string,
  doc: { year: number; month: number },
  /** Also years named alone (2024, 去年); without them only months and days count. */
  years = true,
): DayNumber[] {
  const sentence = CHINESE_DATE_NUMBER.test(text) ? text.replace(CHINESE_DATE_NUMBERS, chineseDateNumber) : text;
  const out: DayNumber[] = [];
  const resolve = (year: number | null, month: number, day: number | null) => {
    if (month < 1 || month > 12) return;
    if (year === null) {
      if (month > doc.month) return;
      year = doc.year;
    }
    out.push(day ? dayNumber(year, month, day) : monthEnd(year, month));
  };
  for (const m of sentence.matchAll(EN_DATE)) {
    const month = EN_MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    // "May" is also a verb: only a May with a day or a year is a date.
    if (m[1] === 'May' && !m[2] && !m[3]) continue;
    const next =
      !m[3] &&
      (EN_NEXT_BEFORE.test(sentence.slice(Math.max(0, m.index - 6), m.index)) ||
        EN_NEXT_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 12)));
    resolve(m[3] ? Number(m[3]) : next ? doc.year + 1 : null, month, m[2] ? Number(m[2]) : null);
  }
  for (const m of sentence.matchAll(ZH_DATE))
    resolve(m[1] ? Number(m[1]) : m[2] ? doc.year + 1 : null, Number(m[3]), m[4] ? Number(m[4]) : null);
  for (const re of [ZH_RELATIVE_MONTH, EN_RELATIVE_MONTH])
    for (const _ of sentence.matchAll(re)) out.push(dayNumber(doc.year, doc.month, 0));
  if (!years) return out;
  // A year alone stays current for a season after it ends: annual figures and reviews come out into March.
  for (const re of [EN_YEAR, ZH_YEAR])
    for (const m of sentence.matchAll(re)) out.push(monthEnd(Number(m[1]), 12) + YEAR_SEASON);
  for (const m of sentence.matchAll(ZH_RELATIVE_YEAR)) out.push(monthEnd(doc.year - (m[1] === '前年' ? 2 : 1), 12));
  for (const _ of sentence.matchAll(EN_RELATIVE_YEAR)) out.push(monthEnd(doc.year - 1, 12));
  return out;
}

export interface TimeCues {
  /** Recalling markers: 此前, 曾, "had imposed", "back in" … */
  past: RegExp | null;
  /**
   * Openers of a recalled or side clause ("after …", "following …", "like …", "if …", 继…后, 受…影响, 如果…): the
   * clause they open is background, the rest of the sentence is read on its own.
   */
  clauses?: RegExp | null;
  /** Present markers: 近日, 昨日, "on Thursday", "this week" … */
  present: RegExp | null;
  /** A sentence whose latest named date ends this many days or more before the document's date is background. */
  olderDays: number;
}

/**
 * Where a clause opened at `from` ends: at a comma (not a thousands separator, nor one that continues a list: "and",
 * "or", "including", or items of a few words each, then "and": "samarium, gadolinium, terbium and yttrium"), a colon, a semicolon, a bracket, a dash between words, a contrastive word, or the
 * sentence's end.
 */
const CLAUSE_END =
  /[，;；:：。!?！？\n()（）]|,(?!\d{3}(?!\d))(?!\s*(?:and|or|including|as well as|as|plus|etc)\b)(?!(?:\s*[^\s,.;:]+(?:\s+[^\s,.;:]+){0,2}\s*,)*\s*(?:(?:and|or)\s|etc\b|[^\s,.;:]+(?:\s+[^\s,.;:]+){0,2}\s+(?:and|or)\s))|\s[—–-]{1,2}\s|\s(?:but|while|whereas|although|though|yet)\s|[但而]/g;

/**
 * The recalled or side clauses of a sentence, as [start, end) offsets into it: each runs from an opener
 * (`cues.clauses`) to its clause's end. What stands there is not what the sentence reports: "exports fell after
 * Beijing's export controls", "like a licence crackdown", "if China approves", 继…之后, 受…影响.
 */
/** A side clause that describes the noun before it (", which take effect on …"), not another event. */
const RELATIVE = /^[,，]\s*(?:which|who|whose)\b/i;

export type SideClause = [start: number, end: number, relative: boolean];

/** `opener` must be global (`g`): it is run from the start of the sentence. */
export function sideClauses(sentence: string, opener: RegExp | null | undefined): SideClause[] {
  if (!opener) return [];
  const out: SideClause[] = [];
  const re = opener;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const start = m.index;
    CLAUSE_END.lastIndex = start + Math.max(1, m[0].length);
    const end = CLAUSE_END.exec(sentence)?.index ?? sentence.length;
    out.push([start, end, RELATIVE.test(m[0])]);
    re.lastIndex = Math.max(end, start + 1);
  }
  return out;
}

/** The sentence with its side clauses blanked (same length, so offsets still hold). */
export function mainClauses(sentence: string, side: readonly SideClause[]): string {
  if (side.length === 0) return sentence;
  let out = '';
  let at = 0;
  for (const [start, end] of side) {
    out += `${sentence.slice(at, start)}${' '.repeat(end - start)}`;
    at = end;
  }
  return out + sentence.slice(at);
}

/**
 * When a sentence's main clauses speak (see the module comment): `background` when it recalls or all its dates end
 * `olderDays` or more before the document's date; `earlier` when it is not background but every date it names ends
 * before the document's month began ("in February" in a story of 7 March): a step of last month is news in a story
 * about it, background in a story about something else; `current` otherwise. A recalling marker or an old date inside
 * a side clause ("…, after the controls it had imposed in April") does not make the sentence's own report
 * background; pass `side` from `sideClauses` (none when omitted). With no document date, "last year" and 去年 still
 * recall in the body (`undatedPast`): whatever the date, a year before it is past. A headline or a lead that says "last
 * year" is what the document reports (annual figures out in January), so the caller leaves it out there.
 */
export function sentenceTime(
  whole: string,
  cues: TimeCues,
  doc: { day: DayNumber; year: number; month: number } | null,
  side: readonly SideClause[] = [],
  undatedPast = true,
): 'background' | 'earlier' | 'current' {
  // A sentence set years back by its opening words ("A decade ago this week, …", 15年前的9月7日，…) tells that time,
  // whatever present it also names: "this week" is the anniversary's, not the step's.
  if (YEARS_BACK.test(whole)) return 'background';
  if (cues.present?.test(whole)) return 'current';
  const sentence = mainClauses(whole, side);
  if (cues.past?.test(sentence)) return 'background';
  if (!doc) return undatedPast && relativeYear(sentence) ? 'background' : 'current';
  const days = namedDays(sentence, doc);
  if (days.length === 0) return 'current';
  if (Math.max(...days) <= doc.day - cues.olderDays) return 'background';
  // Earlier: the months and days named all ended before this month; a year named alone is what a quota or a total is
  // for ("In February, China set its first mining quota for 2024"), not when the step was taken.
  // A tally up to a date (截至12月底, "as of end-December", "by the end of December") is reported as of that date: its
  // date ends a count (a campaign's results), not when a step was taken.
  if (TALLY_TO.test(sentence)) return 'current';
  const dated = namedDays(sentence, doc, false);
  return dated.length > 0 && Math.max(...dated) < dayNumber(doc.year, doc.month, 1) ? 'earlier' : 'current';
}

/** Two years or more, in figures or words ("a year after the controls" is an anniversary story, often news). */
const NUMBER_WORDS = String.raw`(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|several|many|a\s+few|a\s+couple\s+of)`;
const NUMBER_WORD = String.raw`(?:a|one|${NUMBER_WORDS.slice(3, -1)})`;
// (Not a year's last digits: 2010年前 is "before 2010".)
const ZH_YEARS = String.raw`(?<![\d.])(?:\d{1,3}|[一二三四五六七八九十两几数多]{1,3})`;
/**
 * A sentence that opens with a distance of years back from now: "A decade ago (this week)", "Fifteen years ago this
 * month", "Some 20 years ago", 十五年前的这个星期, 15年前的9月7日, 多年前. (Opening it: "three times the level of a decade
 * ago" compares, it does not set the sentence's time.)
 */
const YEARS_BACK = new RegExp(
  String.raw`^\W*(?:(?:some|about|around|nearly|almost|exactly|just|more\s+than|over)\s+)?${NUMBER_WORD}\s+(?:years?|decades?)\s+ago\b|^[^，,。\n]{0,6}?${ZH_YEARS}(?:多)?年(?:之)?前(?!的?(?:水平|相比|同期))`,
  'i',
);

/**
 * A retrospective: a headline or a sentence of the opening that starts by measuring years back from now ("Ten years
 * on, …", "Fifteen years later, …", "A decade ago this week, …", 十五年前的这个星期, 15年前的9月7日), or ends so ("The
 * quota fight, ten years on"), or names the span ("2015 revisited", 出口配额退出十年, 时隔十年, 十周年). What its body
 * tells without a time of its own is the past it looks back on (see `undatedInRetrospective`). (Not a span inside a
 * sentence: "stripped of its export rights for three years after …" is a penalty's length.)
 */
export const RETROSPECTIVE = new RegExp(
  [
    String.raw`^\W*(?:(?:some|about|around|nearly|almost|exactly|just|more\s+than|over)\s+)?(?:${NUMBER_WORDS}\s+years?|(?:a|one|${NUMBER_WORDS.slice(3, -1)})\s+decades?)\s+(?:on|ago|later|after|since)\b`,
    String.raw`[,:—–-]\s*(?:${NUMBER_WORDS}\s+years?|(?:a|one|two|three)\s+decades?)\s+(?:on|later)\W*$`,
    String.raw`\b(?:19|20)\d\d\s+revisited\b`,
    String.raw`^[^，,。\n]{0,8}?${ZH_YEARS}(?:多)?年(?:之)?前(?!的?(?:水平|相比|同期))`,
    String.raw`${ZH_YEARS}年(?:之)?后的今天|时隔${ZH_YEARS}(?:多)?年|(?:退出|取消|废止|走过|告别)${ZH_YEARS}(?:多)?(?:周)?年|${ZH_YEARS}周年`,
  ].join('|'),
  'i',
);

/**
 * In a retrospective, a body sentence that names no time of its own (no date, no year, no present marker: "Smuggling
 * rivalled the legal trade", 当时走私猖獗) tells the past the piece looks back on.
 */
export function undatedInRetrospective(
  whole: string,
  cues: TimeCues,
  doc: { year: number; month: number } | null,
  side: readonly SideClause[] = [],
): boolean {
  if (cues.present?.test(whole)) return false;
  const sentence = mainClauses(whole, side);
  // (Without a document date every named month or year still counts as a time of its own.)
  return namedDays(sentence, doc ?? { year: 9999, month: 12 }).length === 0;
}

/** A count up to a date: 截至, 截止到, "as of", "by the end of", "through the end of". */
const TALLY_TO = /截至|截止(?:到|至)?|\b(?:as of|as at|by the end of|through the end of|up to the end of)\b/i;

/** Whether a sentence names the year before the document's as a time (去年, "last year"; not "from last year"). */
function relativeYear(sentence: string): boolean {
  ZH_RELATIVE_YEAR.lastIndex = 0;
  EN_RELATIVE_YEAR.lastIndex = 0;
  return ZH_RELATIVE_YEAR.test(sentence) || EN_RELATIVE_YEAR.test(sentence);
}

/** Whether a sentence is background: `sentenceTime` says so. */
export function isBackground(
  whole: string,
  cues: TimeCues,
  doc: { day: DayNumber; year: number; month: number } | null,
  side: readonly SideClause[] = [],
): boolean {
  return sentenceTime(whole, cues, doc, side) === 'background';
}
