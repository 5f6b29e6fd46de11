// Messages of the applicant's own register applications in the portal (丽江“特色直播优质产品”及“新媒体达人”
// 入库, 附件1 第17–18条, 附件2 第8–9条): the campaigns taking applications, applying, following one through
// the batch review, filing (备案) and removal. The form's own labels are the console's (registers/messages.ts).
// Both languages side by side; zh is typed against en (test/messages.test.ts checks the merged catalogue).

export const en = {
  app: {
    lijiang_portal: {
      menu: 'Register applications',
      title: 'My register applications',
      intro:
        'Lijiang’s featured live-stream products and new-media influencers registers: you apply yourself (annex 1 clause 17, annex 2 clause 8); the centre’s office reviews applications in batches, admits those that meet the intake standard and files them with the centre (clause 18).',
      none: 'No application yet.',
      open_campaigns: 'Taking applications',
      no_open: 'No register is taking applications where you are registered at the moment.',
      window: 'Applications %{from} – %{until}',
      applied: '%{smart_count} application filed |||| %{smart_count} applications filed',
      apply: {
        product: 'Apply with a product',
        influencer: 'Apply as an influencer',
      },
      apply_title: {
        product: 'Featured product application',
        influencer: 'New-media influencer application',
      },
      campaign_gone: 'This campaign is not taking applications (any more).',
      filed: 'Application submitted: it waits for the next review batch.',
      submit: 'Submit application',
      batch: 'Review batch %{seq}',
      review_due: 'reviewed by %{date}',
      admitted_on: 'Admitted on %{date}',
      filed_on: 'Filed with the centre on %{date} (%{reference})',
      refused_because: 'Not admitted: %{reason}',
      removed_because: 'Removed on %{date}: %{reason}',
      steps: {
        applied: 'Applied',
        review: 'Batch review',
        admitted: 'Admitted',
        filed: 'Filed (备案)',
      },
      decisions: 'Decisions',
      attachments: 'Files filed',
      form: 'Application as filed',
      priority: 'Reviewed first because',
      back: 'My register applications',
    },
  },
};

export const zh: typeof en = {
  app: {
    lijiang_portal: {
      menu: '入库申报',
      title: '我的入库申报',
      intro:
        '丽江市“特色直播优质产品”及“新媒体达人”数据库：由申报人自主自愿提出申请（附件1 第17条、附件2 第8条）；中心办公室分批次审核，对符合入库标准的予以入库，并提交中心备案（第18条）。',
      none: '尚无申报。',
      open_campaigns: '正在征集',
      no_open: '您所在地区目前没有正在征集的入库申报。',
      window: '申报时间 %{from} 至 %{until}',
      applied: '已申报 %{smart_count} 项',
      apply: {
        product: '申报优质产品',
        influencer: '申报新媒体达人',
      },
      apply_title: {
        product: '特色直播优质产品入库申报',
        influencer: '新媒体达人入库申报',
      },
      campaign_gone: '该征集目前不受理申报。',
      filed: '申报已提交，等待下一批次审核。',
      submit: '提交申报',
      batch: '第 %{seq} 批审核',
      review_due: '%{date} 前审核',
      admitted_on: '%{date} 审核通过，予以入库',
      filed_on: '%{date} 已提交中心备案（%{reference}）',
      refused_because: '不予入库：%{reason}',
      removed_because: '%{date} 清退出库：%{reason}',
      steps: {
        applied: '已申报',
        review: '批次审核',
        admitted: '予以入库',
        filed: '中心备案',
      },
      decisions: '审核记录',
      attachments: '已提交的材料',
      form: '申报内容',
      priority: '优先审核原因',
      back: '我的入库申报',
    },
  },
};
