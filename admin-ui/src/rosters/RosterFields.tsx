import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CustomFieldProps } from '../common/fields';
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
