import type { Category, CategoryMatch } from '../types.js';
import {
  documentDay,
  namedDays,
  RETROSPECTIVE,
  sentenceTime,
  sideClauses,
  undatedInRetrospective,
  type SideClause,
  type TimeCues,
} from './background.js';
import type { CompiledRule, RuleSet } from './compile-rules.js';
import { digestItems, isTranscript, otherStories, within } from './other-stories.js';
import { Matches } from './matches.js';
import { wordIndexOf, type DocumentWords } from './required-words.js';
import { clauses, reportSentences, type Span } from './segment.js';
import { TERMS } from './vocabulary/terms.js';

/**
 * Another mineral (gallium, tungsten, antimony …) and no rare earth or magnet: a sentence about that mineral. A cue of
 * a rule that asks the document, not the sentence, for a rare earth (a document-scope `with`, or none) is that
 * mineral's step in such a sentence (a digest's "Graphite: new licence rules take effect", a tungsten batch beside
 * rare-earth imports).
 */
const OTHER_MINERAL = new RegExp(TERMS.other_metal, 'i');
const RARE_EARTH_OR_MAGNET = new RegExp(`${TERMS.rare_earth}|${TERMS.magnet}`, 'i');
const QUOTA_SUBJECT = new RegExp(TERMS.quota, 'i');

/** The expressions of a rule set that categorize runs over whole documents (for the word index). */
export const ruleExpressions = (rules: RuleSet): Array<RegExp | null> =>
  rules.rules.flatMap((r) => [r.re, r.withRe, r.withoutRe]);

function sentenceAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * How much a cue counts where it stands. The headline (the title; the lead sentence when there is no title) counts
 * `titleFactor` times, the lead `leadFactor` times, the rest once (`positions`). A background sentence, a side clause
 * ("after Beijing's controls", "like a licence crackdown", 继…之后, 如果…) or another story (a digest bullet, a
 * "Related" block) counts `background.factor` times that (`factorAt`). Sentences are read for tense lazily: only
 * those where a cue matched.
 */
const NOT_A_LEAD =
  /^\s*(?:\S{0,8}|[^\n]{0,60}(?:\d{1,2}:\d{2}|记者|编译|撰文|责任编辑|来源[:：]|资料照片|\bBy\s+[A-Z]|\bPhoto\b|\(Reuters\)\s*$)[^\n]{0,20})\s*$/;
/** A line of page chrome: a label and its value (Credit:, Published:, Written by, 来源：, 发布时间：). */
const CHROME_LINE =
  /^\s*(?:(?:credit|photo|image|picture|published|updated|posted|source|written by|reporting by|edited by|editing by|by|you are here)\b|(?:来源|作者|编辑|责任编辑|发布时间|发布日期|发稿时间|时间|日期|图片|摄影|图|文|当前位置|您的位置|您现在的位置|所在位置)\s*[:：|]|(?:首页|home)\s*[>»›])/i;
/**
 * A title that is only a site's or an office's name (中国贸易救济信息网, 某市工业和信息化局, "Xinhua Online"), as a
 * portal's repost stores it: no headline; the first body sentence that reads as one is.
 */
const SITE_NAME =
  /^\s*[^\s，。：:！？!?,]{2,20}?(?:网|网站|信息网|门户|门户网站|政府网|在线|频道|官网|人民政府|局|厅|委员会)\s*$|^\s*[\w .-]{2,30}\s(?:online|portal|website|\.com|\.cn)\s*$/i;
/**
 * A question: a reporter's line in a transcript (问：, 记者：, 路透社记者：, "Q:", "Q (Reuters):", "Question:") or a body sentence that
 * ends with a question mark. What it says ("有报道称部分企业已获得通用许可，能否证实？", "customs figures show exports
 * fell; is that due to the controls?") is asked, not reported.
 */
const QUESTION_LINE =
  /^[ \t]*(?:问|[^\n:：，。]{0,14}记者|Q|Question|Reporter|Journalist)[ \t]*(?:[（(][^）)\n]{0,30}[）)])?[ \t]*[:：]/;
const REPORTER_LINE = new RegExp(QUESTION_LINE.source, 'm');
const QUESTION_END = /[?？]["”’')）」]?\s*$/;
/** The question mark that ends a sentence: sentences are split at it, so it stands right after their text. */
const QUESTION_MARK_AFTER = /^["”’')）」]?[?？]/;
const reporterLine = (text: string, s: Span) => {
  const line = text.lastIndexOf('\n', s.start - 1) + 1;
  return QUESTION_LINE.test(text.slice(line, line + 40));
};
function asked(text: string, s: Span): boolean {
  return QUESTION_END.test(s.text) || QUESTION_MARK_AFTER.test(text.slice(s.end, s.end + 2)) || reporterLine(text, s);
}
/** The end of the first line of a text without a title (`text` opens with the empty title's line break). */
const mastheadEnd = (text: string) => {
  const end = text.indexOf('\n', 1);
  return end < 0 ? text.length : end;
};
/**
 * A portal's toolbar (【字号：大 中 小】 【打印】 【关闭】, "[Print] [Close]"): a line of bracketed button labels only.
 * A notice's salutation (各省、自治区…主管部门，各稀土集团：, 有关省…：): the offices it is addressed to, before its text.
 */
const TOOLBAR_OR_SALUTATION = /^\s*(?:(?:[【[][^】\]\n]{1,16}[】\]]\s*)+|(?:各|有关)[^。\n]{2,240}[：:])\s*$/;
/** A portal's breadcrumb: a path of two levels or more (您所在的位置：网站首页 > 信息公开 > 转发文件, "Home » News » Policy"). */
const BREADCRUMB = /^[^>»›\n]{0,40}(?:[>»›][^>»›\n]{1,24}){2,}$/;
/**
 * A company's filing (an annual report's risk factors): a heading before the lead names it (Risk Factors, Form 10-K,
 * 风险因素), or the lead is the company's own "we could/may be harmed". What it names (quotas, licences held, controls
 * that might expand) is the company's exposure, not news: every sentence of it is background.
 */
const FILING_HEAD =
  /\b(?:risk\s+factors|form\s+(?:10-[KQ]|20-F|40-F)|forward-looking\s+statements)\b|风险因素|风险提示/i;
const FILING_LEAD =
  /^\s*(?:We|Our)\b[^\n]{0,300}?\b(?:could|may|might)\s+(?:\w+\s+){0,2}?(?:disrupt|adversely|materially|harm|affect|interrupt|increase\s+our)/;
/**
 * A page's date line: a date alone on its line, with a weekday, a section and a page perhaps (二〇二五年六月十日 星期二
 * 经济 B7版, "Tuesday, June 10, 2025"): chrome, not a lead.
 */
const DATE_LINE =
  /^\s*(?:[〇零一二三四五六七八九十\d]{2,4}年[〇零一二三四五六七八九十\d]{1,2}月[〇零一二三四五六七八九十\d]{1,3}[日号]|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})(?:[\s\u3000]+[^\n。，,.!?]{0,24})?$/;
const WORD = /[A-Za-z]+|[\u3400-\u9fff]/g;
/** Fewer words (a Chinese character counts half of one) than this cannot say what a document reports. */
const LEAD_MIN_WORDS = 6;

/** Whether a sentence can be a document's lead: long enough to report something, and not a byline or a label. */
function readsAsLead(text: string): boolean {
  if (
    NOT_A_LEAD.test(text) ||
    CHROME_LINE.test(text) ||
    TOOLBAR_OR_SALUTATION.test(text) ||
    BREADCRUMB.test(text) ||
    DATE_LINE.test(text)
  )
    return false;
  let words = 0;
  for (const w of text.matchAll(WORD)) {
    words += w[0].length === 1 && w[0] > '\u3400' ? 1 / 2 : 1;
    if (words >= LEAD_MIN_WORDS) return true;
  }
  return false;
}

/**
 * A release is reported near the lead: in the headline, the lead or the sentences right after it (a customs story
 * gives its figures there), or first under a section heading that names the flow ("稀土出口", "Exports"). Figures a
 * story about something else cites further down illustrate it.
 */
const RELEASE_WINDOW = 3;
/** A speaker's label alone on its line (海关总署新闻发言人：, "Spokesperson:"), and a reporter's in brackets (【路透社记者】). */
const SPEAKER_LABEL = /^[^\n。.!?]{1,40}[:：]\s*$/;
const BRACKET_REPORTER = /^\s*【[^】\n]{0,14}记者】/;
const FLOW_HEADING = /出口|进口|海关|\b(?:exports?|imports?|customs|trade|shipments)\b/i;
/** A heading: a short line of its own, with no sentence's end. */
function flowHeading(text: string, s: Span): boolean {
  if (s.text.length > 30 || /[。.!?！？,，;；:：]\s*$/.test(s.text)) return false;
  const before = s.start === 0 || text[s.start - 1] === '\n';
  const after = s.end >= text.length || text[s.end] === '\n';
  return before && after && FLOW_HEADING.test(s.text);
}

function salience(
  text: string,
  spans: readonly Span[],
  titleEnd: number,
  rules: RuleSet,
  date: string | null | undefined,
) {
  const { titleFactor, leadFactor, background, offTopicFactor } = rules.settings;
  const cues: TimeCues = { past: rules.background, present: rules.present, olderDays: background.olderDays };
  const doc = documentDay(date);
  const elsewhere = otherStories(text);
  // The lead: the first body sentence that reads as one (not a byline, a time stamp or a one-word kicker).
  // (A block of links to other stories before the body, "Related:" and its list, is not the lead either.)
  const firstBody = spans.findIndex((s) => s.start >= titleEnd && !within(elsewhere, s.start) && readsAsLead(s.text));
  const filing =
    firstBody >= 0 &&
    (FILING_HEAD.test(text.slice(0, spans[firstBody]!.start)) || FILING_LEAD.test(spans[firstBody]!.text));
  // A document without a title (its stored copy had none) has no headline lines before the lead: what stands there is
  // chrome (a photo credit, a time stamp, a byline), and the lead is the headline.
  const hasTitle = titleEnd > 0 && firstBody !== 0 && !SITE_NAME.test(text.slice(0, titleEnd));
  // (Plain arrays: a typed array costs a separate buffer each, five for every document.)
  const positions = new Array<number>(spans.length).fill(0);
  // What a sentence can say about the document's topic: 2 the headline, 1 the lead under a title, 0 the rest.
  const topicRank = new Array<number>(spans.length).fill(0);
  spans.forEach((s, i) => {
    const inTitle = hasTitle ? i < firstBody || firstBody < 0 : firstBody < 0 && i === 0;
    const lead = i === firstBody;
    topicRank[i] = inTitle || (lead && !hasTitle) ? 2 : lead ? 1 : 0;
    positions[i] = topicRank[i] === 2 ? titleFactor : lead ? leadFactor : 1;
  });
  // A digest's items are stories of their own: the first sentence of each that reads as a lead (past a kicker such as
  // "Magnets.") is read as one, so what one item reports is not off the topic another item set.
  // (Without a title, the first line is the page's masthead: a periodical's name there names a digest as a title does.)
  const items = digestItems(text, titleEnd > 0 ? titleEnd : mastheadEnd(text), elsewhere);
  // (And each item's headline: a lead that is its first line, with a written item under it — "2. CHINA: JUNE RARE
  // EARTH SHIPMENTS JUMP" and its paragraph; not a line of a contents list or a reading list, with nothing under it.)
  const itemHeads = new Set<number>();
  items.forEach((start, k) => {
    const end = items[k + 1] ?? text.length;
    const lineEnd = text.indexOf('\n', start);
    const headed = lineEnd >= 0 && lineEnd < end && text.slice(lineEnd, end).trim() !== '';
    for (let i = sentenceAt(spans, start); i >= 0 && i < spans.length && spans[i]!.start < end; i++) {
      if (!readsAsLead(spans[i]!.text)) continue;
      if (headed && spans[i]!.end <= lineEnd && text.slice(spans[i]!.end, lineEnd).trim() === '') itemHeads.add(i);
      if (topicRank[i] === 0) {
        topicRank[i] = 1;
        positions[i] = leadFactor;
      }
      break;
    }
  });
  // A retrospective ("Ten years on, …", 十五年前的这个星期): its headline, or its opening up to the sentence after the
  // lead (past a caption or a byline), measures years back from now. What its body tells with no time of its own is
  // the past it looks back on; only what it dates now is news.
  const nextLead = firstBody < 0 ? -1 : spans.findIndex((s, i) => i > firstBody && readsAsLead(s.text));
  const opening = nextLead >= 0 ? nextLead : firstBody >= 0 ? firstBody : sentenceAt(spans, Math.max(0, titleEnd - 1));
  let retrospective = false;
  for (let i = 0; i <= opening && !retrospective && !filing; i++) retrospective = RETROSPECTIVE.test(spans[i]!.text);
  // Per sentence, once read: its side clauses (absolute offsets) and whether its main clauses are background.
  const side = new Array<SideClause[] | undefined>(spans.length);
  const promised = new Array<SideClause[] | undefined>(spans.length);
  const past = new Array<number>(spans.length).fill(-1);
  // Per sentence: whether every date it names ends before the document's month (and it is not background), and
  // whether it reports a further step of its own ("in a separate notice", 同日还) in the present.
  const earlier = new Array<number>(spans.length).fill(0);
  const further = new Array<number>(spans.length).fill(0);
  const absolute = (s: Span, local: SideClause[]): SideClause[] =>
    local.map(([a, b, relative]) => [a + s.start, b + s.start, relative]);
  const read = (i: number) => {
    const s = spans[i]!;
    const local = sideClauses(s.text, rules.clauses);
    side[i] = absolute(s, local);
    const time =
      // (A reporter's line asks wherever it stands, the lead of a transcript too.)
      filing || within(elsewhere, s.start) || (topicRank[i] === 0 ? asked(text, s) : reporterLine(text, s))
        ? 'background'
        : sentenceTime(s.text, cues, doc, local, topicRank[i] === 0);
    past[i] =
      time === 'background' ||
      (retrospective && topicRank[i] === 0 && time === 'current' && undatedInRetrospective(s.text, cues, doc, local))
        ? 1
        : 0;
    earlier[i] = time === 'earlier' ? 1 : 0;
    further[i] = time === 'current' && rules.further?.test(s.text) ? 1 : 0;
  };
  // Per sentence, once asked: whether it dates what it reports (a month, a day, 今天, "on Tuesday"), not only a year.
  const datedAt = new Array<boolean | undefined>(spans.length);
  const dated = (i: number) =>
    (datedAt[i] ??=
      (rules.present?.test(spans[i]!.text) ?? false) ||
      (doc !== null && namedDays(spans[i]!.text, doc, false).length > 0));
  // Per sentence, once asked: whether it names the day of what it reports (今日, 近日, "late on Tuesday", a date of
  // the week before the document's): the day's news. (Not one whose main clauses recall.)
  const presentAt = new Array<boolean | undefined>(spans.length);
  const present = (i: number) => {
    if (past[i] === -1) read(i);
    return (presentAt[i] ??=
      past[i] === 0 &&
      (DAY_OF_STEP.test(spans[i]!.text) ||
        (doc !== null &&
          namedDays(spans[i]!.text, doc, false).some((d) => d <= doc.day && d >= doc.day - RECENT_DAYS))));
  };
  // A cue that starts in a clause, or whose words run into or across one (its verb in the main clause, its object in
  // "… comes as China imposed export controls"), is not said by the main clause. A relative clause describes the noun
  // before it: a cue that only runs into one is still the main clause's.
  const covered = (clauses: readonly SideClause[], offset: number, last: number) =>
    within(clauses, offset) || clauses.some(([a, b, relative]) => !relative && a <= last && b > offset);
  /**
   * The factor of a cue from `offset` to `last` (its last character) in sentence `i`; `taken` for a rule whose news is
   * a step taken, which a promise ("will approve", 将予以许可) is not.
   */
  // A review of last year's trade (a trade journal's analysis in spring, its headline or lead naming the year): the
  // year's figures are its subject, not a past recalled, though they are older than a year's season. For the period
  // categories a sentence that names that year is read as if the review came out in the season (by March).
  const reviewYear =
    doc !== null && !retrospective && firstBody >= 0 && text.slice(0, spans[firstBody]!.end).includes(`${doc.year - 1}`)
      ? doc.year - 1
      : null;
  const reviewDoc = reviewYear === null ? null : documentDay(`${reviewYear + 1}-03-01`);
  const reviewedAt = new Array<boolean | undefined>(spans.length);
  const reviewed = (i: number) =>
    (reviewedAt[i] ??=
      reviewDoc !== null &&
      !filing &&
      !within(elsewhere, spans[i]!.start) &&
      !asked(text, spans[i]!) &&
      spans[i]!.text.includes(`${reviewYear}`) &&
      sentenceTime(
        spans[i]!.text,
        cues,
        reviewDoc,
        side[i]!.map(([a, b, r]) => [a - spans[i]!.start, b - spans[i]!.start, r]),
      ) !== 'background');
  const factorAt = (i: number, offset: number, last: number, taken: boolean, period = false) => {
    if (past[i] === -1) read(i);
    let recalled = (past[i] === 1 && !(period && reviewed(i))) || covered(side[i]!, offset, last);
    if (!recalled && taken) {
      promised[i] ??= absolute(spans[i]!, sideClauses(spans[i]!.text, rules.promises));
      recalled = covered(promised[i], offset, last);
    }
    return positions[i]! * (recalled ? background.factor : 1);
  };
  /**
   * The factor of the same cue for a category the headline is not about: a step dated before the document's month
   * ("In February, China set its first mining quota" in a March customs story) is recalled there.
   */
  const offTopicFactorAt = (i: number, factor: number) => {
    if (factor < positions[i]!) return factor * offTopicFactor;
    if (earlier[i] === 1) return factor * background.factor * offTopicFactor;
    // A further step the sentence says is taken beside the headline's is news of its own.
    return further[i] === 1 ? factor : factor * offTopicFactor;
  };
  /**
   * The factor of a cue when neither the headline nor the lead reports any step: a step dated before the document's
   * month ("Beijing suspended the controls in November" in an EU story of December) is recalled there too.
   */
  const untopicalFactorAt = (i: number, factor: number) =>
    factor >= positions[i]! && earlier[i] === 1 ? factor * background.factor : factor;
  // The headline's end: the title's, or the lead sentence's when there is no title (`in: title` rules read it). A
  // digest's headline names several stories, not the one a headline rule judges ("a headline with no word of exports is
  // about something else"): those rules do not read it.
  const headEnd = items.length > 0 ? 0 : hasTitle ? titleEnd : firstBody >= 0 ? spans[firstBody]!.end : titleEnd;
  const leadEnd = firstBody >= 0 ? spans[firstBody]!.end : titleEnd;
  // (In a transcript each answer is a story of its own: the sentences after a reporter's question, past the speaker's
  // label, are its lead.)
  const answersQuestion = (i: number) => {
    let answer = 0;
    for (let j = i - 1; j >= 0 && answer <= RELEASE_WINDOW; j--) {
      const s = spans[j]!;
      if (asked(text, s) || BRACKET_REPORTER.test(s.text)) return true;
      if (!SPEAKER_LABEL.test(s.text)) answer++;
    }
    return false;
  };
  const nearLead = (i: number) =>
    topicRank[i]! > 0 ||
    (firstBody >= 0 && i <= firstBody + RELEASE_WINDOW) ||
    (i > 0 && flowHeading(text, spans[i - 1]!)) ||
    answersQuestion(i);
  return {
    factorAt,
    offTopicFactorAt,
    untopicalFactorAt,
    positions,
    topicRank,
    headEnd,
    leadEnd,
    items,
    itemHeads,
    dated,
    nearLead,
    present,
  };
}

/** The clauses of a sentence that a match covers, from the one it starts in to the one it ends in. */
function clauseText(sentence: Span, parts: readonly Span[], offset: number, length: number): string {
  const first = parts.find((c) => c.end > offset) ?? parts[0];
  const last = [...parts].reverse().find((c) => c.start < offset + length) ?? first;
  return first && last ? sentence.text.slice(first.start - sentence.start, last.end - sentence.start) : sentence.text;
}

interface Ordered {
  rules: readonly CompiledRule[];
  /** Each rule's place in the configuration: evidence is listed in that order. */
  place: ReadonlyMap<CompiledRule, number>;
}
const ORDERED = new WeakMap<RuleSet, Ordered>();
/**
 * The rules that can make a category news first, then the weak ones that only add to a category that is news, then
 * those against a category (each group in its configured order).
 */
function inOrder(rules: RuleSet): Ordered {
  let ordered = ORDERED.get(rules);
  if (!ordered) {
    const against = (r: CompiledRule) => r.veto || r.weight < 0;
    const weak = (r: CompiledRule) => !against(r) && r.weight < HEADLINE_NEWS_WEIGHT;
    ordered = {
      rules: [
        ...rules.rules.filter((r) => !against(r) && !weak(r)),
        ...rules.rules.filter(weak),
        ...rules.rules.filter(against),
      ],
      place: new Map(rules.rules.map((r, i) => [r, i])),
    };
    ORDERED.set(rules, ordered);
  }
  return ordered;
}

/**
 * Categories whose sentences name the period of their figures, not the day of a step: customs figures for last month
 * are this month's news, whatever the headline says.
 */
const PERIOD_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['export_statistics']);

/**
 * Categories whose step is a document issued (a quota batch, a licence approval, a regulation): one body sentence that
 * names it off the headline's topic recalls it in passing. (A listing or a control beside the headline's is often a
 * second step told in one sentence.)
 */
const PASSING_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['quota_batch', 'licence_approval', 'regulation']);

/** A step dated this many days before the document, or fewer, is the day's news (a week: a weekly's news). */
const RECENT_DAYS = 7;
/**
 * The day a step was taken, named: a weekday ("late on Tuesday", 周二), today or yesterday, 近日/日前 (these days). Not
 * "this week" or 本周 (a weekly's span), not 截至目前 (a tally as of now), not a step to come ("will take effect").
 */
const DAY_OF_STEP =
  /\b(?:on|late|early|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:today|yesterday)\b|(?:周|星期|禮拜|礼拜)[一二三四五六日天]|今[日天]|昨[日天]|近日|日前|当天|當天/i;

const ONE_SHOT = new WeakMap<RegExp, RegExp>();
/** A rule's expression without its global flag (no `lastIndex` to keep), compiled once per expression. */
function oneShot(re: RegExp): RegExp {
  let plain = ONE_SHOT.get(re);
  if (!plain) ONE_SHOT.set(re, (plain = new RegExp(re.source, re.flags.replace('g', ''))));
  return plain;
}

/** Rules weaker than this are context (a rare earth named somewhere): they do not make a document's topic. */
const TOPIC_WEIGHT = 2;
/**
 * In the headline a cue that names the category's subject without the step ("export controls on rare earths", 1.5)
 * says what the document is about; bare context (a rare earth named, 1) does not.
 */
const HEADLINE_NEWS_WEIGHT = 1.5;

/**
 * Score every category: each rule adds its weight once, at its most salient occurrence. When the headline (or, when it
 * carries no strong cue, the lead) is about some categories, the others count `offTopicFactor` times: a statistics
 * story that recalls a suspension reports statistics. A category is kept when its score reaches the threshold, one of
 * its strong cues is read as news (not only recalled, in a side clause or in another story), and no veto rule fired.
 */
export function categorize(
  title: string,
  body: string,
  rules: RuleSet,
  date: string | null | undefined,
  /** The sentences of `${title}\n${body}`, when the caller has split it already. */
  split?: readonly Span[],
  /** What a word index of the rules' expressions read in the document, when the caller has read it already. */
  words?: DocumentWords,
): CategoryMatch[] {
  const text = `${title}\n${body}`;
  const titleEnd = title.length;
  const spans = reportSentences(text, split);
  const {
    factorAt,
    offTopicFactorAt,
    untopicalFactorAt,
    positions,
    topicRank,
    headEnd,
    leadEnd,
    items,
    itemHeads,
    dated,
    nearLead,
    present,
  } = salience(text, spans, titleEnd, rules, date);
  const scores = new Map<
    Category,
    {
      score: number;
      evidence: Array<[place: number, text: string]>;
      topic: number;
      news: boolean;
      /** The score and news when the category is off the headline's topic (steps of an earlier month recalled). */
      offScore: number;
      offNews: boolean;
      /** The score and news when no category is the headline's or the lead's (steps of an earlier month recalled). */
      untopicalScore: number;
      untopicalNews: boolean;
      /** Whether a strong cue is read in full off the headline's topic, as a further step taken beside it. */
      further: boolean;
      /** The sentences of its strong cues' off-topic readings (-1 for the headline, the lead or no sentence). */
      offSentences: Set<number>;
      /** Whether a strong cue is read as news near the lead (`nearLead`). */
      near: boolean;
      /**
       * Whether a strong cue is read as the day's news: in the headline's main clause, or in a sentence that names the
       * present ("set the first batch …, according to a notice published late on Tuesday").
       */
      fresh: boolean;
    }
  >();
  const vetoed = new Set<Category>();
  // Each sentence's clauses, split when a clause-scope rule first matches in it.
  const clausesOf: Array<Span[] | undefined> = [];
  // Per sentence, once asked: whether it names another mineral and no rare earth or magnet.
  const otherMineralOnly: Array<boolean | undefined> = [];
  // Per digest item, once asked: whether its first line names another mineral and no rare earth or magnet.
  const otherItem = new Map<number, boolean>();
  const otherMineralItem = (offset: number) => {
    let k = items.length - 1;
    while (k > 0 && items[k]! > offset) k--;
    const start = items[k]!;
    let found = otherItem.get(start);
    if (found === undefined) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      found = OTHER_MINERAL.test(line) && !RARE_EARTH_OR_MAGNET.test(line);
      otherItem.set(start, found);
    }
    return found;
  };
  // Most rules cannot match a given document: the words each expression needs are looked up in one pass first.
  const read = words ?? wordIndexOf(rules, 'rules', () => ruleExpressions(rules)).read(text);
  const mayMatch = (re: RegExp) => read.mayMatch(re);
  // Rules share their `with`/`without` expressions (compile-rules): test the document for each once.
  const tested = new Map<RegExp, boolean>();
  const inDocument = (re: RegExp) => {
    let found = tested.get(re);
    if (found === undefined) tested.set(re, (found = mayMatch(re) && re.test(text)));
    return found;
  };

  const thresholdOf = (category: Category) => rules.settings.thresholds[category] ?? rules.settings.threshold;
  // A rule against a category (a negative weight, a veto) can only take it away: it is read only when one of its
  // categories has, from the cues for it, the score and the news to be given.
  const given = (category: Category) => {
    const entry = scores.get(category);
    return entry !== undefined && entry.news && entry.score >= thresholdOf(category);
  };
  // A weak cue (a rare earth named, an export licence) only adds to a category that stronger cues made news.
  const isNews = (category: Category) => scores.get(category)?.news === true;
  const ordered = inOrder(rules);
  // Whether the headline says what kind of document this is (a `documentKind` rule matches it), once asked.
  let kindHead: boolean | undefined;
  const kindHeadline = () =>
    (kindHead ??= ordered.rules.some(
      (r) => r.documentKind && mayMatch(r.re) && oneShot(r.re).test(text.slice(0, headEnd)),
    ));
  // Whether any sentence may report a further step (only then can a later occurrence of a cue count more off-topic).
  const furtherSteps = rules.further !== null && inDocument(rules.further);
  for (const rule of ordered.rules) {
    if ((rule.veto || rule.weight < 0) && !rule.categories.some(given)) continue;
    if (rule.weight > 0 && rule.weight < HEADLINE_NEWS_WEIGHT && !rule.categories.some(isNews)) continue;
    const re = rule.re;
    if (!mayMatch(re)) continue;
    // In a digest each item's lead is a headline of its own: a headline rule that counts for its categories reads the
    // items' leads ("CHINA: JUNE RARE EARTH SHIPMENTS JUMP" reports a release as a headline would), not the
    // digest's headline, which names several stories.
    const readsItems = rule.in === 'title' && rule.weight > 0 && !rule.veto && itemHeads.size > 0;
    const limit = rule.in === 'title' && !readsItems ? headEnd : text.length;
    // A title rule searches the headline only (it starts the text, so offsets are the same).
    const haystack = rule.in === 'title' && !readsItems ? text.slice(0, headEnd) : text;
    // A cue against a category says what kind of document this is: where it stands counts, not its tense.
    const negative = rule.weight < 0;
    const periodRule = rule.categories.every((c) => PERIOD_CATEGORIES.has(c));
    let best = 0;
    let bestOff = 0;
    let bestUntopical = 0;
    let newsUntopical = false;
    let topic = 0;
    let news = false;
    let newsOff = false;
    // Whether the best off-topic reading is a further step the sentence says is taken beside the headline's.
    let furtherOff = false;
    // The sentence of the best off-topic reading.
    let offAt = -1;
    let evidence = '';
    // Whether a reading as news stands near the lead, and whether one is the day's news (`fresh`).
    let near = false;
    let fresh = false;
    // Document-scope conditions are the same for every occurrence: decide them once. A `with` the document lacks
    // cannot occur in any of its sentences either: the rule is skipped before its scan.
    if (rule.withRe && !inDocument(rule.withRe)) continue;
    if (rule.scope === 'document' && rule.withoutRe && inDocument(rule.withoutRe)) continue;
    const localScope = rule.scope !== 'document';
    // In a digest each item is a story of its own: a document-scope `with` (a rare earth named) is asked of the item
    // a cue stands in, not of the whole digest (a tungsten quota item beside a rare-earth imports item).
    const itemScoped = !localScope && rule.withRe !== null && items.length > 0;
    const otherMineralScoped =
      rule.weight > 0 && !rule.veto && rule.in !== 'title' && (rule.withRe === null || !localScope);
    const matches = new Matches(re, haystack, rule.in === 'body' ? titleEnd : 0, read);
    for (let m = matches.next(); m && m.index < limit; m = matches.next()) {
      if (m[0].length === 0) continue;
      if (itemScoped && m.index >= items[0]!) {
        let k = items.length - 1;
        while (items[k]! > m.index) k--;
        if (!rule.withRe!.test(text.slice(items[k], items[k + 1] ?? text.length))) continue;
      }
      const at = sentenceAt(spans, m.index);
      if (readsItems && !itemHeads.has(at)) continue;
      if (otherMineralScoped && at >= 0) {
        const other = (otherMineralOnly[at] ??=
          OTHER_MINERAL.test(spans[at]!.text) && !RARE_EARTH_OR_MAGNET.test(spans[at]!.text));
        if (other) continue;
        // A digest item headed by another mineral ("3. Antimony: the froth comes off") is that mineral's story: its
        // sentences that name no mineral ("smelters say export permits are arriving") are about it too.
        if (items.length > 0 && m.index >= items[0]! && otherMineralItem(m.index)) continue;
      }
      if (localScope) {
        const scope =
          at < 0
            ? text
            : rule.scope === 'clause'
              ? clauseText(spans[at]!, (clausesOf[at] ??= clauses(spans[at]!)), m.index, m[0].length)
              : spans[at]!.text;
        if (rule.withRe && !rule.withRe.test(scope)) continue;
        if (rule.withoutRe?.test(scope)) continue;
      }
      const factor =
        at < 0
          ? 1
          : negative
            ? positions[at]!
            : factorAt(at, m.index, m.index + m[0].length - 1, rule.taken, periodRule);
      if (factor > best) {
        best = factor;
        evidence = m[0];
        // A cue read at its full position weight (not recalled) tells what the document is about.
        news = at < 0 || factor >= positions[at]!;
        topic = at >= 0 && news ? topicRank[at]! : 0;
      }
      if (!near && !negative && (at < 0 || (factor >= positions[at]! && nearLead(at)))) near = true;
      if (!fresh && !negative && at >= 0 && factor >= positions[at]! && present(at)) fresh = true;
      const off = at < 0 || negative ? factor * rules.settings.offTopicFactor : offTopicFactorAt(at, factor);
      if (off > bestOff) {
        bestOff = off;
        newsOff = at < 0 || off >= positions[at]! * rules.settings.offTopicFactor;
        furtherOff = at >= 0 && !negative && off >= positions[at]!;
        offAt = at;
      }
      const untopical = at < 0 || negative ? factor : untopicalFactorAt(at, factor);
      if (untopical > bestUntopical) {
        bestUntopical = untopical;
        newsUntopical = at < 0 || untopical >= positions[at]!;
      }
      // Past the lead no sentence counts more than once: the best is found (for the off-topic reading too, where a
      // further step can count in full).
      const offMost = furtherSteps ? 1 : rules.settings.offTopicFactor;
      const { titleFactor } = rules.settings;
      // (Under a headline of a document kind, `documentKind`, a cue read in full in the headline does not end the search:
      // whether the body reports the step as the day's news decides whether that kind counts against it.)
      if (
        best >= titleFactor &&
        bestOff >= titleFactor * offMost &&
        bestUntopical >= titleFactor &&
        (fresh || negative || !kindHeadline())
      )
        break;
      if (best >= 1 && bestOff >= offMost && bestUntopical >= 1 && m.index >= leadEnd) break;
    }
    if (best === 0) continue;
    for (const category of rule.categories) {
      // A further step reported beside the headline's ("同一天，商务部另将…列入不可靠实体清单", "separately named …")
      // is news of its own: what the headline says about the document's kind (a control announcement provides for
      // penalties) does not count against it.
      if (negative && rule.in === 'title' && scores.get(category)?.further === true) continue;
      // What kind of document the headline says it is (a market wrap, a timeline, a commentary: `documentKind`) does
      // not make a step it reports as the day's news a mention in passing: shares that jump "after Beijing lifts first
      // 2024 mining quota", the notice "published late on Tuesday", report the batch as their catalyst; a timeline's
      // newest entry, dated the day before, is its news. (A batch dated weeks back in a price report is background.)
      if (negative && rule.documentKind && !PERIOD_CATEGORIES.has(category) && scores.get(category)?.fresh === true)
        continue;
      if (rule.veto) {
        // A veto read only in a recalled sentence or a side clause ("the controls imposed in April are not affected")
        // says what an earlier step did not cover, not what this one does.
        if (news) vetoed.add(category);
        continue;
      }
      const entry = scores.get(category) ?? {
        score: 0,
        evidence: [],
        topic: 0,
        news: false,
        offScore: 0,
        offNews: false,
        untopicalScore: 0,
        untopicalNews: false,
        further: false,
        offSentences: new Set<number>(),
        near: false,
        fresh: false,
      };
      entry.score += rule.weight * best;
      entry.offScore += rule.weight * bestOff;
      entry.untopicalScore += rule.weight * bestUntopical;
      if (rule.weight > 0) entry.evidence.push([ordered.place.get(rule)!, evidence]);
      if (rule.weight >= TOPIC_WEIGHT) {
        entry.topic = Math.max(entry.topic, topic);
        entry.news ||= news;
        entry.offNews ||= newsOff;
        entry.untopicalNews ||= newsUntopical;
        entry.further ||= furtherOff;
        entry.near ||= near;
        entry.fresh ||= fresh;
        if (offAt >= 0 && topicRank[offAt] === 0) entry.offSentences.add(offAt);
        else entry.offSentences.add(-1);
      } else if (rule.weight >= HEADLINE_NEWS_WEIGHT && topic === 2) {
        entry.news = true;
        entry.offNews ||= newsOff;
        entry.untopicalNews ||= newsUntopical;
      }
      scores.set(category, entry);
    }
  }

  // The topic is set by the headline, or, when the headline carries no strong cue, by the lead. When neither reports
  // a step, steps of an earlier month are recalled for every category.
  const topic = Math.max(0, ...[...scores.values()].map((e) => e.topic));
  // A digest's items and a transcript's answers are stories of their own: no headline sets the topic of all of them.
  const severalStories = items.length > 0 || (scores.size > 1 && isTranscript(text));
  // Whether the headline or the lead names a quota (指标, 开采计划, quota, cap): when neither names one nor
  // reports a step, a quota told in one body sentence is what a story about something else recalls (a consolidation).
  // (A briefing's answers, under reporters' lines, are its news whatever its headline: "记者：稀土指标是否已经下达？")
  const quotaHead = () => QUOTA_SUBJECT.test(text.slice(0, leadEnd)) || REPORTER_LINE.test(text);
  const out: CategoryMatch[] = [];
  for (const [category, entry] of scores) {
    const { evidence, topic: own } = entry;
    const offTopic = own < topic && !severalStories;
    // Off the headline's topic, strong cues that all stand in one body sentence that dates no step mention the category
    // in passing ("China set the 2016 mining quota at 105,000 tonnes" closing a campaign story); a further step or a
    // dated one ("In February, China issued its first batch" in a story of February) is news beside the headline's.
    if (
      (offTopic || (topic === 0 && category === 'quota_batch' && !severalStories && !quotaHead())) &&
      PASSING_CATEGORIES.has(category) &&
      !entry.further &&
      entry.offSentences.size === 1 &&
      !entry.offSentences.has(-1) &&
      !dated([...entry.offSentences][0]!)
    )
      continue;
    // A period's figures whose every reading as news stands past the lead (under no heading of the flow, in answer to no
    // question) are cited to illustrate the story the headline and the lead tell: not a release reported.
    if (PERIOD_CATEGORIES.has(category) && own === 0 && !entry.near && !severalStories) continue;
    const untopical = topic === 0 && !PERIOD_CATEGORIES.has(category);
    const score = offTopic ? entry.offScore : untopical ? entry.untopicalScore : entry.score;
    const news = offTopic ? entry.offNews : untopical ? entry.untopicalNews : entry.news;
    const threshold = thresholdOf(category);
    // Only recalled, side or weak cues (a rare earth named, a licence word): the category is context, not the news.
    if (vetoed.has(category) || score < threshold || !news) continue;
    const listed = [...new Set(evidence.sort((a, b) => a[0] - b[0]).map(([, text]) => text))];
    out.push({ category, score: Math.round(score * 100) / 100, evidence: listed.slice(0, 8) });
  }
  return out.sort((a, b) => b.score - a.score);
}
