// Fixtures for the Zhoushan programme's tests.

/** A valid application form (domain/application-form.ts). */
export const APPLICATION_FORM = {
  liveRoomName: '海岛鲜生直播间',
  address: '舟山市定海区某路 1 号',
  contactName: '王某',
  contactPhone: '0580-1234567',
  platformAccounts: [{ platform: 'douyin', account: 'zs_fresh', followers: 12000 }],
  mainCategories: ['水产品', '海鲜干货'],
  streamerCount: 4,
  certifiedStreamers: 2,
  annualSalesWan: 350,
  contentRetentionYears: 3,
  complianceStatement: true,
};
