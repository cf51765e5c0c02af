/**
 * Text normalisation before matching: HTML remnants out, full-width ASCII to half-width, the traditional characters
 * that matter in this domain to simplified, whitespace collapsed. Offsets are not preserved: evidence is quoted from
 * the normalised text.
 */

// Traditional → simplified for the characters that occur in rare-earth regulation, trade and market news. A small
// table is enough: the cues and figures live in a few hundred characters.
const TRADITIONAL =
  '噸吨開开採采煉炼離离總总標标產产進进關关環环長长減减萬万億亿號号務务許许證证實实暫暂執执銷销貿贸與与對对發发佈布條条辦办徵征見见' +
  '鏑镝鋱铽釤钐釓钆鑥镥鈧钪釔钇鎵镓鍺锗銻锑鋰锂礦矿類类國国數数據据顯显統统計计單单個个達达較较為为將将來来經经業业資资氣气電电' +
  '車车際际區区華华東东體体們们這这時时間间點点級级額额價价錄录獲获準准審审規规範范嚴严厲厉擊击監监緩缓復复兩两項项鍵键戰战員员' +
  '會会議议論论記记問问應应歐欧鐵铁釹钕鐠镨鑭镧鈰铈銪铕鈥钬鉺铒銩铥鐿镱鉅钜磁磁場场擴扩張张調调劑剂廠厂礎础積积邊边灣湾衛卫' +
  '顧顾慮虑漲涨跌跌幅幅較较餘余諾诺權权視视聯联屬属機机構构組组織织協协稱称報报導导傳传聞闻導导頭头認认為为藥药設设備备' +
  '準准歷历辦办處处罰罚違违規规罪罪紀纪錄录檢检測测驗验貨货運运輸输轉转匯汇專专壟垄斷断競竞爭争別别產产週周區区義义幣币歸归純纯種种貴贵屬属滙汇價价總总師师內内';
const T2S = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) T2S.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The characters halfWidth changes: full-width ASCII, the ideographic space and the traditional ones of the table. */
const TO_CHANGE = new RegExp(`[\\uff01-\\uff5e\\u3000${[...T2S.keys()].join('')}]`, 'g');

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, ％, ，…) to half-width; the ideographic space to a space; traditional characters of
 * the table to simplified. One regex pass: most text has none of these, and is returned as it was.
 */
function halfWidth(s: string): string {
  return s.replace(TO_CHANGE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    if (code === 0x3000) return ' ';
    return T2S.get(ch) ?? ch;
  });
}

/** Normalise one piece of text for classification. */
export function normalizeText(input: string): string {
  let s = input.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  s = s.replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n').replace(/<[^>]{0,500}>/g, ' ');
  s = decodeEntities(s);
  s = halfWidth(s);
  // Digits split by a full-width comma became "135,000"; a Chinese list comma between numbers stays a separator.
  s = s.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\r\n?/g, '\n');
  // Runs of blanks become one space and blank runs around line breaks one break; a lone space or break is left as it
  // is (matching those too would rebuild the string for nothing).
  s = s.replace(/[ \t\f\v\u00a0]*[\t\f\v\u00a0][ \t\f\v\u00a0]*| {2,}/g, ' ').replace(/ +\n[ \n]*|\n[ \n]+/g, '\n');
  return s.trim();
}
