import { useRecordContext, useTranslate } from 'react-admin';
import type { IntakeBatch } from '../types';

/** A review batch as people name it: 第 1 批, not #1. */
export const BatchName = () => {
  const batch = useRecordContext<IntakeBatch>();
  const translate = useTranslate();
  return batch ? <>{translate('app.batch.seq', { seq: batch.seq })}</> : null;
};

/** The page's title: 审核批次：第 1 批 / Review batch 1. */
export const BatchTitle = () => {
  const batch = useRecordContext<IntakeBatch>();
  const translate = useTranslate();
  return batch ? <>{translate('app.batch.show_title', { seq: batch.seq })}</> : null;
};
