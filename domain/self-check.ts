// The eight requirement areas (八个方面) of the Changxing notice, used as the self-check checklist
// (changxing-trusted-ecommerce.txt, 三、主要内容).
export const SELF_CHECK_AREAS = [
  { key: 'licences', name: '准入资质合规', nameEn: 'Licences and qualifications' },
  { key: 'conduct', name: '经营行为合法', nameEn: 'Lawful business conduct' },
  { key: 'site', name: '现场管理严格', nameEn: 'Strict on-site management' },
  { key: 'quality', name: '商品质量过硬', nameEn: 'Product quality' },
  { key: 'marketing', name: '营销宣传真实', nameEn: 'Truthful marketing' },
  { key: 'labels', name: '标识标签规范', nameEn: 'Labels and marking' },
  { key: 'consumer', name: '消费权益保护', nameEn: 'Consumer rights' },
  { key: 'after_sales', name: '售后服务完善', nameEn: 'After-sales service' },
] as const;
