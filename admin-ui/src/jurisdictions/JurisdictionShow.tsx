import { Box } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline';
import {
  CreateButton,
  EditButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetIdentity,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { EnumField } from '../common/fields';
import { canManageOrganisation } from '../permissions';
import type { Jurisdiction, Role } from '../types';
import { childLevel } from './api';
import { inSubtree } from './SubtreeJurisdictionInput';
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

/**
 * For admins, within their subtree: 新增下级机构 (the create form with this one as parent and the next
 * level) and 更名 (not their own jurisdiction: the API leaves that to the admin above).
 */
const JurisdictionShowActions = () => {
  const record = useRecordContext<Jurisdiction>();
  const { permissions } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  const mine = identity?.jurisdictionId as string | undefined;
  if (!record || !canManageOrganisation(permissions) || !inSubtree(record, mine)) return <TopToolbar />;
  const level = childLevel(record);
  return (
    <TopToolbar>
      {level && (
        <CreateButton
          label="app.jurisdiction.create"
          data-testid="jurisdiction-add-child"
          state={{ record: { parentId: record.id, level } }}
          icon={<AddIcon />}
        />
      )}
      {record.id !== mine && <EditButton label="app.jurisdiction.rename" data-testid="jurisdiction-rename" icon={<DriveFileRenameOutlineIcon />} />}
    </TopToolbar>
  );
};

export const JurisdictionShow = () => (
  <Show actions={<JurisdictionShowActions />}>
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
