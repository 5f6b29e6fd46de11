import { Chip } from '@mui/material';
import { NumberField, useRecordContext, useTranslate } from 'react-admin';
import { rosterKindColors } from '../choices';
import { DateTimeField, EnumChipField, type CustomFieldProps } from '../common/fields';
import type { Roster } from '../types';

export const EntryCountField = (_props: CustomFieldProps) => {
  const roster = useRecordContext<Roster>();
  return roster?.entries ? <span>{roster.entries.length}</span> : null;
};

/** A newer publication of the same kind exists: this one is kept, but no longer current. */
export const SupersededField = (_props: CustomFieldProps) => {
  const roster = useRecordContext<Roster>();
  const translate = useTranslate();
  if (!roster) return null;
  return roster.superseded ? (
    <Chip size="small" variant="outlined" label={translate('app.roster.superseded')} />
  ) : (
    <Chip size="small" color="primary" label={translate('app.roster.current')} />
  );
};

/**
 * The Datagrid columns of a roster publication (the roster list, a campaign's rosters tab). An
 * array, not a fragment: Datagrid makes a column of each child element.
 */
export const rosterColumns = [
  <EnumChipField key="kind" source="kind" prefix="app.roster.kind" colors={rosterKindColors} />,
  <NumberField key="seq" source="seq" />,
  <DateTimeField key="publishedAt" source="publishedAt" />,
  <DateTimeField key="windowEndsAt" source="windowEndsAt" sortable={false} />,
  <EntryCountField key="entries" source="entries" sortable={false} />,
  <SupersededField key="superseded" source="superseded" sortable={false} />,
];
