import { Box } from '@mui/material';
import { ReferenceField, Show, SimpleShowLayout, TextField, useGetIdentity, usePermissions, useRecordContext } from 'react-admin';
import { EnumField } from '../common/fields';
import type { Jurisdiction, Role } from '../types';
import { canManageWebhook } from './webhook';
import { WebhookCard } from './WebhookCard';

/** The webhook card for those who may configure it (admins, the jurisdiction's coordinators). */
const JurisdictionWebhook = () => {
    const record = useRecordContext<Jurisdiction>();
    const { permissions } = usePermissions<Role>();
    const { identity } = useGetIdentity();
    const mine = identity?.jurisdictionId as string | undefined;
    if (!record || !canManageWebhook(permissions, mine, record)) return null;
    return (
        <Box sx={{ px: 2, pb: 2 }}>
            <WebhookCard jurisdictionId={record.id} />
        </Box>
    );
};

export const JurisdictionShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="id" />
            <TextField source="name" />
            <EnumField source="level" prefix="app.jurisdiction.level" />
            <ReferenceField source="parentId" reference="jurisdictions" link="show" emptyText="app.common.none" />
            <TextField source="path" />
        </SimpleShowLayout>
        <JurisdictionWebhook />
    </Show>
);
