import { useLocaleState, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { StatTile } from './CountTiles';
import type { DashboardDeadline } from './types';

/** Days to the campaign's next deadline (a stage's or an open task's), with what falls due. */
export const NextDeadline = ({ deadline }: { deadline: DashboardDeadline | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const formatDate = useFormatDate();
  if (!deadline) {
    return (
      <StatTile
        testId="dashboard-next-deadline"
        label={translate('app.dashboard.next_deadline_title')}
        value="—"
        caption={translate('app.dashboard.no_deadline')}
      />
    );
  }
  const label = (locale === 'en' && deadline.labelEn) || deadline.label;
  return (
    <StatTile
      testId="dashboard-next-deadline"
      label={translate('app.dashboard.next_deadline_title')}
      value={deadline.days <= 0 ? translate('app.dashboard.today') : translate('app.dashboard.days', { smart_count: deadline.days })}
      colour={deadline.days <= 3 ? 'warning.main' : undefined}
      caption={`${label} · ${formatDate(deadline.at)}`}
    />
  );
};
