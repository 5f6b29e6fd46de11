// The compliance statement (诚信守法承诺) a live room signs when it applies on its own (舟山方案 六、（二）:
// "按照自愿原则，由直播间运营者提出申请"). Its text restates the 培育准则 the city will judge (四、（一）–（四）)
// and the 三、培育对象 conditions. The server keeps the text here, shows it in the portal (GET
// /api/portal/applications/open-campaigns) and stores the very text signed, with its version, the
// signatory and the time, so what was agreed to can be shown later. A new wording gets a new version.

export const COMPLIANCE_STATEMENT = {
  version: 'zhoushan-2024-36/v1',
  clause: '舟山方案（舟市监发〔2024〕36号）三、培育对象；四、培育准则；六、（二）组织申报',
  zh:
    '本单位自愿申报舟山市“绿色直播间”建设培育，郑重承诺：' +
    '一、本单位在舟山市登记注册，连续正常经营满一个会计年度，未列入经营异常名录及严重违法失信名单（方案三、培育对象）；' +
    '二、严格遵守《网络交易监督管理办法》《网络直播营销管理办法（试行）》等法律法规，落实直播间运营者主体责任，直播营销内容及音视频资料保存不少于3年（方案四、（一））；' +
    '三、直播间设置、主播行为、商品或服务质量、价格标示和知识产权保护符合方案四、（二）（三）的要求，不虚假宣传，不虚构“全网最低价”；' +
    '四、保障消费者知情权和选择权，及时处理售后问题（方案四、（四））；' +
    '五、所填申报材料及所附材料真实、准确、完整，如有不实，愿承担相应责任，并接受市场监管部门的监督检查。',
  en:
    'We apply of our own accord for the Zhoushan “green live room” cultivation and undertake that: ' +
    '(1) we are registered in Zhoushan, have operated normally for one full accounting year and are on neither the abnormal-operations list nor the seriously-dishonest list (notice, III); ' +
    '(2) we comply with the Measures for the Supervision of Online Transactions, the Measures for Live-Stream Marketing (trial) and the other laws and rules, bear the live-room operator’s responsibilities and keep the live-marketing content and recordings for at least three years (IV.1); ' +
    '(3) our live room, streamers, goods and services, price marking and protection of intellectual property meet IV.2 and IV.3, with no false advertising and no invented “lowest price on the web”; ' +
    '(4) we respect consumers’ right to know and to choose and handle after-sales issues promptly (IV.4); ' +
    '(5) the application and its attachments are true, accurate and complete; we answer for any untruth and accept the market regulator’s supervision and inspection.',
} as const;
