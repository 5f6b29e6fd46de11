import { useRecordContext, useTranslate } from 'react-admin';
import type { Roster } from '../types';

/** A published list as people name it: 公示名单（第 1 期）, never its kind's code or a bare number. */
export const RosterName = () => {
  const roster = useRecordContext<Roster>();
  const translate = useTranslate();
  if (!roster) return null;
  return <>{`${translate(`app.roster.kind.${roster.kind}`)}（${translate('app.roster.issue', { seq: roster.seq })}）`}</>;
};
