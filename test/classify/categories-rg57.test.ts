/**
 * Categories of the thirteenth round (the misses of blind parts BH20 and BH21, by class): each block is one general
 * step, with documents written for the test — the step's hit and its near-miss.
 */
import { describe, expect, it } from 'vitest';
import { categoryNames as categories } from '../helpers/category-names.js';

describe('customs figures cited past the lead illustrate the story, they are not a release', () => {
  it('a control story with last year’s customs figures in its seventh sentence reports the control only', () => {
    const body =
      '商务部、海关总署9日发布公告，对钬、铒等5种中重稀土相关物项实施出口管制。\n根据公告，列入管制的物项包括金属、合金和氧化物。' +
      '\n出口经营者应向商务部申请许可。\n商务部新闻发言人表示，这是国际通行做法。\n同日，国务院关税税则委员会宣布加征关税。' +
      '\n从贸易数据看，我国稀土出口规模总体稳定。海关总署数据显示，2026年我国出口稀土62585.2吨，同比增长12.9%。';
    expect(categories('商务部 海关总署：对5种中重稀土相关物项实施出口管制', body, '2027-02-10')).toEqual([
      'control_list_addition',
    ]);
  });
  it('an untitled story about another country whose customs paragraph stands fourth has no category', () => {
    const body =
      '\nNEW DELHI, June 23 - India has asked a state miner to stop shipping rare earths to Japan and keep them for ' +
      'domestic magnet makers, two officials said.\nThe request is not a formal ban, one official said.\nThe miner ' +
      'did not respond to a request for comment.\nIndian carmakers depend on Chinese suppliers.\n' +
      "China's rare earth magnet exports plunged 74% year-on-year to 1,238 tonnes in May, customs data showed.";
    expect(categories('', body, '2027-06-23')).toEqual([]);
  });
  it('near-miss: the same figures in the sentence after the lead are reported with it', () => {
    const body =
      '\nNEW DELHI, June 23 - India has asked a state miner to stop shipping rare earths to Japan and keep them for ' +
      "domestic magnet makers, two officials said.\nChina's rare earth magnet exports plunged 74% year-on-year to " +
      '1,238 tonnes in May, customs data showed.\nThe request is not a formal ban, one official said.';
    expect(categories('', body, '2027-06-23')).toEqual(['export_statistics']);
  });
  it('near-miss: figures under a section heading that names the flow are that section’s report', () => {
    const body =
      '今年以来，稀土备受关注。稀土被称为工业维生素。我国储量全球第一。那么，稀土是否限制出口？\n' +
      '稀土出口\n据海关总署8月8日公布的数据显示，7月份我国稀土出口量达5243.4吨，环比增长32.19%。';
    expect(categories('稀土会禁止出口吗', body, '2027-08-10')).toEqual(['export_statistics']);
  });
  it('near-miss: an answer in a press-conference transcript is a lead of its own', () => {
    const body =
      '主持人：下面请记者提问。\n发言人：今年前11个月，我国货物贸易进出口总值增长3.6%。外贸保持平稳。各项政策持续发力。' +
      '企业预期改善。\n记者：\n请介绍一下稀土出口情况？\n海关总署新闻发言人：\n谢谢你的提问。据海关统计，11月我国出口稀土5493.9吨，' +
      '环比增长26.5%。';
    expect(categories('海关总署举行前11个月进出口情况新闻发布会', body, '2027-12-08')).toEqual(['export_statistics']);
  });
  it('a page’s date line in Chinese numerals is not the lead', () => {
    const body =
      '\n二〇二七年六月十日　星期四　　经济　B7版\n【本报综合报道】商务部新闻发言人日前表示，已依法批准一定数量的稀土出口许可合规申请。\n' +
      '发言人称，中方愿建立绿色通道。\n对于民用领域正常贸易，中方持开放态度。\n多家企业已取得出口许可证。\n' +
      '海关总署昨日公布的数据显示，五月稀土出口量为5864.6吨，按月增加23%。';
    expect(categories('', body, '2027-06-10')).toEqual(['licence_approval']);
  });
});
