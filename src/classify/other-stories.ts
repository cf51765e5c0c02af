/**
 * Parts of a document that carry other stories, not its own: a block of links under "Related" / 相关阅读, a "Read
 * more:" line, and a digest — a run of short bulleted items, each a headline of its own. What they mention is not
 * what the document reports, whatever their tense.
 */

// A heading of other stories: alone on its line it opens a block of short lines; followed by a colon and text it is one link.
const RELATED =
  /^[ \t]*(?:related(?:\s+(?:stories|articles|news|coverage|reading|content|posts))?|read more|read also|also read|see also|more (?:from|on|news|stories|reading)|recommended(?: for you| reading| stories)?|you may also like|you might also like|latest news|top stories|most read|most popular|trending|相关(?:阅读|新闻|文章|报道|链接|推荐)|推荐阅读|延伸阅读|更多(?:新闻|阅读|报道|资讯)|热门(?:新闻|文章|推荐|资讯)|猜你喜欢|热点推荐)[ \t]*(?:[:：]?[ \t]*$|([:：>»|])[^\n]*$)/gim;
/** The marks a bulleted line opens with (a dash only before a space), as a source for the expressions below. */
const BULLET_MARK = String.raw`[•·▪◦►▶■●◆◇※★☆▌▍▎▐*]|[-–—](?=[ \t])`;
const BULLET_START = new RegExp(String.raw`^\s*(?:${BULLET_MARK})`);
const BULLET = new RegExp(String.raw`^[ \t]*(?:${BULLET_MARK})[^\n]*$`, 'gm');
/**
 * An item longer than this is a paragraph laid out with a bullet (a portal's layout), not a headline. A Chinese
 * character counts 2.5 (a headline of 80 characters says as much as one of 200 letters).
 */
const ITEM_MAX = 200;
const CJK = /[\u3400-\u9fff]/g;
const size = (text: string, start: number, end: number) => {
  const s = text.slice(start, end);
  return s.length + 1.5 * (s.match(CJK)?.length ?? 0);
};
/** A digest has at least this many short items in a run. */
const DIGEST_MIN = 3;
/**
 * A heading that makes the bullets under it the document's own summary, not other stories: "Highlights this issue",
 * "Key points", "At a glance", 要点, 摘要.
 */
const OWN_SUMMARY =
  /^[ \t]*(?:(?:the\s+)?(?:highlights|key\s+(?:points|figures|takeaways|numbers|data)|at\s+a\s+glance|in\s+brief|summary|the\s+numbers|takeaways)\b[^\n]{0,30}|[^\n]{0,12}(?:要点|摘要|速览|概要|亮点)[^\n]{0,8})[:：]?[ \t]*$/i;

/**
 * An item that ends as a sentence does (a full stop, 。, a question or exclamation mark, before a closing quote or
 * bracket): a newsletter's written report, not a headline linking to another story (headlines carry no full stop).
 */
const WRITTEN_OUT = /[.。!?！？]["”’')）]?\s*$/;

/**
 * An item that is a line of figures: a label, a colon or a dash, then a number ("Rare earths, Nov: 5,494 t (+26.5%
 * MoM)", "United States, October: 656 t"), or a tonnage that opens it ("62,585.2 t — exports in 2025"). A headline
 * linking to another story has a verb; a data line is the document's own report.
 */
const DATA_LINE = new RegExp(
  String.raw`^[ \t]*(?:${BULLET_MARK})?[ \t]*(?:[^\n:：]{1,60}[:：][ \t]*[+−-]?\d|\d[\d,.]*[ \t]*(?:t|kt|tonnes?|tons?|吨|万吨)(?![\w\u3400-\u9fff])[ \t]*[—–-])`,
);

/**
 * A headline that names a digest: a morning brief, a roundup, a metals weekly, 要闻速览, 早参, a periodical's name before
 * its date or issue ("Metals Morning — Tuesday", "Critical Minerals Wrap — October 21", "… Weekly: ", "Rare Earth Ledger —
 * Issue 31"), a masthead's name with its date after a bar ("THE MORNING LODE | Wednesday 14 January 2026"), or that lists three stories or more
 * separated by semicolons ("Magnet exports hit seven-month high; Guangdong seizure; gallium quiet"). Its items are the
 * document's news, each a story of its own.
 */
const DIGEST_TITLE =
  /\b(?:(?:morning|evening|daily|weekly|metals?|market|news)\s+(?:brief|briefing|wrap|digest|roundup|round-up|update|note)s?|(?:critical\s+)?(?:minerals?|metals?|commodities)\s+(?:weekly|daily)|briefing|digest|roundup|round-up|news in brief|what to watch|what we're watching)\b|要闻|速览|早参|早报|晚报|早知道|简报|快讯|一览|汇总|日报|周报|旬报|月报|周刊|月刊|^[^;\n]+;[^;\n]+;|\b(?:weekly|daily|morning|wrap|brief|briefing|bulletin|newsletter)[ \t]*(?:[—–|:：]|-[ \t]|$)|[—–|:：-][ \t]*(?:issue|vol\.?|volume)[ \t]*\d|\|[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+\d{1,2},?)[ \t]+\d{4}[ \t]*$/i;
/**
 * A line that opens an item: a bullet (or a newsletter's >> or »), an item number (1. 2、 (3) ④ 五、), or a kicker of a few words and a colon or a
 * dash ("Tungsten: …", "Rare earths - …", 【稀土】) as newsletters without bullets set their items.
 */
const ITEM_START = new RegExp(
  String.raw`^[ \t]*(?:${BULLET_MARK}|>{1,3}(?=[ \t])|»|\d{1,2}[.、)）](?!\d)|[（(]\d{1,2}[)）]|[\u2460-\u2473]|[一二三四五六七八九十]{1,2}、|[A-Z][A-Za-z]*(?:[ -][A-Za-z]+){0,2}(?:[:：]|[ \t][-–—])[ \t]|【[^】\n]{1,8}】)`,
  'gm',
);

/**
 * Where the items of a digest start, when the headline (`text` up to `titleEnd`) names one: each item is a story of
 * its own, read as a lead (what it reports is news, not a side remark of the first item's story). Items that are
 * other stories (headline links, `otherStories`) are left out.
 */
export function digestItems(text: string, titleEnd: number, elsewhere: ReadonlyArray<[number, number]>): number[] {
  if (titleEnd <= 0 || !DIGEST_TITLE.test(text.slice(0, titleEnd))) return [];
  const out: number[] = [];
  ITEM_START.lastIndex = titleEnd;
  for (let m = ITEM_START.exec(text); m; m = ITEM_START.exec(text)) {
    if (!within(elsewhere, m.index)) out.push(m.index);
    if (m[0].length === 0) ITEM_START.lastIndex++;
  }
  // Bullets under the document's own summary heading (本期要点, "Highlights") sum up one report, as in `otherStories`:
  // a monthly's highlights of its month are not several stories.
  if (out.length >= DIGEST_MIN && OWN_SUMMARY.test(lineBefore(text, out[0]!))) return [];
  return out.length >= DIGEST_MIN ? out : [];
}

/** The last non-blank line before `offset`. */
function lineBefore(text: string, offset: number): string {
  const head = text.slice(Math.max(0, offset - 400), offset).trimEnd();
  return head.slice(head.lastIndexOf('\n') + 1);
}

/** A block of links ends at the first line long enough to be a paragraph of the story again. */
function blockEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const next = text.indexOf('\n', at + 1);
    const end = next < 0 ? text.length : next;
    // (A paragraph written out as a sentence ends it too: link headlines carry no full stop, a short wire paragraph
    // does; a bulleted line stays in the block whatever its end.)
    if (size(text, at, end) > ITEM_MAX) return at;
    const line = text.slice(at, end);
    if (WRITTEN_OUT.test(line) && !BULLET_START.test(line)) return at;
    at = end;
  }
  return text.length;
}

/** [start, end) offsets of the parts of `text` that are other stories, in order. */
export function otherStories(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  RELATED.lastIndex = 0;
  for (let m = RELATED.exec(text); m; m = RELATED.exec(text)) {
    out.push([m.index, m[1] ? m.index + m[0].length : blockEnd(text, m.index + m[0].length)]);
  }
  // Runs of consecutive bullet lines (blank lines between them allowed).
  let run: Array<[number, number]> = [];
  let lastEnd = -1;
  const flush = () => {
    // A written-out item (it ends as a sentence does) is a newsletter's own report, not a link to another story.
    // So is a line of figures.
    const short = run.filter(
      ([s, e]) =>
        size(text, s, e) <= ITEM_MAX && !WRITTEN_OUT.test(text.slice(s, e)) && !DATA_LINE.test(text.slice(s, e)),
    );
    if (short.length >= DIGEST_MIN && !OWN_SUMMARY.test(lineBefore(text, run[0]![0]))) out.push(...short);
    run = [];
  };
  BULLET.lastIndex = 0;
  for (let m = BULLET.exec(text); m; m = BULLET.exec(text)) {
    if (lastEnd >= 0 && text.slice(lastEnd, m.index).trim() !== '') flush();
    run.push([m.index, m.index + m[0].length]);
    lastEnd = m.index + m[0].length;
  }
  flush();
  return out.sort((a, b) => a[0] - b[0]);
}

/** Whether `offset` falls inside one of the ranges (sorted by start). */
export function within(ranges: ReadonlyArray<readonly [number, number, ...unknown[]]>, offset: number): boolean {
  for (const [start, end] of ranges) {
    if (offset < start) return false;
    if (offset < end) return true;
  }
  return false;
}

/**
 * An answer of a press-conference transcript: 答：, "A:", "A (spokesperson):", "Answer:" opening a line. A transcript
 * of two answers or more answers several questions, each a story of its own (licences approved, then a smuggling
 * campaign): what one answer reports is not off the topic another set.
 */
const ANSWER = /^[ \t]*(?:答|A|Answer)[ \t]*(?:[（(][^）)\n]{0,30}[）)])?[ \t]*[:：]/gm;
const TRANSCRIPT_MIN = 2;

/** Whether `text` is a transcript of questions and answers (two answers or more). */
export function isTranscript(text: string): boolean {
  ANSWER.lastIndex = 0;
  let n = 0;
  while (ANSWER.exec(text)) if (++n >= TRANSCRIPT_MIN) return true;
  return false;
}
