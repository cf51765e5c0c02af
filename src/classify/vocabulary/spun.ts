/**
 * Machine-spun Chinese copy ("伪原创": a self-media account runs a notice through a synonym spinner so that it reads
 * as its own): the spinner swaps words for near-synonyms that a reader still follows but no rule knows — 开挖 for 开采,
 * 分隔 for 分离, 操控方针 for 控制指标, 别离 for 分别, 天然资源部 for 自然资源部. This table maps each substitute back to
 * the word it replaced, so that spun text reads like its source (a metamorphic property: spun text classifies as the
 * text it was spun from).
 *
 * Most substitutes are also ordinary words somewhere (方针 is a policy, 商场 a shopping mall): a text is read as spun,
 * and mapped back, only when it holds substitutes of two different words or more. Ordinary text rarely holds two.
 */
export const SPUN_SUBSTITUTES: Readonly<Record<string, string>> = {
  // Quota notices: the notice's own words.
  开挖: '开采',
  分隔: '分离',
  操控: '控制',
  方针: '指标',
  别离: '分别',
  天然资源部: '自然资源部',
  到达: '达到',
  冲破: '突破',
  初次: '首次',
  前史: '历史',
  出产: '生产',
  // Market and trade words around them.
  商场: '市场',
  下流: '下游',
  上流: '上游',
  出资: '投资',
  显着: '显著',
  本年: '今年',
  旧年: '去年',
  // A spun licence or quota story: the spokesman and what he said.
  发言职员: '发言人',
  先容: '介绍',
  吐露: '透露',
  便当: '便利',
  迟延: '延迟',
  增添: '增长',
  冶炼剥离: '冶炼分离',
  剖析: '分析',
};

/**
 * Substitutes that are ordinary words too often to tell a spun text (团体 a group, 目标 a target, 资本 capital, 准许
 * to allow): mapped back only in a text that the substitutes above already show to be spun, never counted to show it.
 */
export const SPUN_ORDINARY: Readonly<Record<string, string>> = {
  团体: '集团',
  总额: '总量',
  管控目标: '控制指标',
  目标: '指标',
  采掘: '开采',
  剥离: '分离',
  资本: '资源',
  开辟: '开发',
  产物: '产品',
  跟着: '随着',
  范畴: '领域',
  准许: '许可',
  考核: '审查',
  展开: '开展',
  节拍: '节奏',
  屡次: '多次',
  不法: '非法',
  夸大: '强调',
};

/** One expression for a list of words, the longest first (天然资源部 is read whole, 管控目标 before 目标). */
const anyOf = (words: string[]) => new RegExp(words.sort((a, b) => b.length - a.length).join('|'), 'g');

/** Any telling substitute. */
const SUBSTITUTE = anyOf(Object.keys(SPUN_SUBSTITUTES));

/** Whether a text reads as spun: it holds substitutes of two different words or more. */
export function isSpun(text: string): boolean {
  SUBSTITUTE.lastIndex = 0;
  let first: string | undefined;
  for (let m = SUBSTITUTE.exec(text); m; m = SUBSTITUTE.exec(text)) {
    if (first === undefined) first = m[0];
    else if (m[0] !== first) return true;
  }
  return false;
}

/** Every substitute, the telling and the ordinary ones. */
const ANY_SUBSTITUTE = anyOf([...Object.keys(SPUN_SUBSTITUTES), ...Object.keys(SPUN_ORDINARY)]);

/** The text with a spinner's substitutes mapped back (ask `isSpun` of the document first). */
export const unspin = (text: string): string =>
  text.replace(ANY_SUBSTITUTE, (word) => SPUN_SUBSTITUTES[word] ?? SPUN_ORDINARY[word]!);
