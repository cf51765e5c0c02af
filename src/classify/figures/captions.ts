/**
 * Photo captions inside a body: "图为包头一家稀土冶炼厂。（示意图／翻摄微博）", "Workers at a rare earth mine. (Photo:
 * Reuters)". A caption describes a picture, not the story: its words must not become a figure, nor the product,
 * destination or share the following sentences inherit.
 */

// A line that is a caption: it opens with 图为/圖為 ("pictured is"), 图：, "Photo:", "FILE PHOTO", or says 图为 after a
// repeated headline ("北京再松绑稀土出口管制。图为江苏连云港…").
// (A portal's link to another story, "ALSO READ: …", 延伸阅读：…, is no part of the story either.)
const CAPTION_WORDS =
  /^\s*(?:图片?\s*[:：]|圖片?\s*[:：]|(?:FILE\s+)?PHOTO\s*[:：-]|Photo\s*[:：]|(?:also\s+read|read\s+(?:more|also)|see\s+also|related(?:\s+(?:stories|articles|news|coverage))?|recommended|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞|相关报道|相關報導)\s*[:：|])|图为|圖為/i;
// … or it closes with a picture credit: （示意图／翻摄…）, (资料图片), （图：REUTERS/TPG）, "(Photo: Reuters)", a bare
// "图 : 翻摄自…". A news agency alone ("(Reuters)") is not one: a wire paragraph can end with it.
const CREDIT = String.raw`示意图|示意圖|资料图|資料圖|资料照片|資料照片|图片|圖片|照片|翻摄|翻攝|摄影|攝影|[图圖]\s*[:：]|\b(?:file\s+)?photo\b|\bimage\b`;
const CLOSES = new RegExp(
  String.raw`(?:[（(][^（）()]{0,30}(?:${CREDIT})[^（）()]{0,40}[）)]|[（(][图圖][）)]|\s{2,}[图圖]\s*[:：].{0,30})\s*$`,
  'i',
);

/** The [start, end) ranges of the body lines that are captions; the first line (the title) never is. */
export function captionLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = text.indexOf('\n') + 1;
  if (start === 0) return out;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.length <= 160 && (CAPTION_WORDS.test(line) || CLOSES.test(line))) out.push([start, end]);
    start = end + 1;
  }
  return out;
}
