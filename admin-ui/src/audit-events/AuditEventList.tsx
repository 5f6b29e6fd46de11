import { Datagrid, List, ReferenceField, TextField, TextInput } from 'react-admin';
import { DateTimeField, EnumField, JsonField } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { csvExporter } from '../common/csv';

// The API offers no full-text search on audit events, only these exact filters.
const auditEventFilters = [
  campaignFilter(),
  <TextInput key="action" source="action" />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The event's data, shown when a row is expanded. */
export const AuditEventData = () => <JsonField source="data" />;

/** Read-only: the audit trail is append-only and nothing in it is edited or deleted. */
export const AuditEventList = () => (
  <List filters={auditEventFilters} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={csvExporter}>
    <Datagrid bulkActionButtons={false} expand={<AuditEventData />} rowClick="expand">
      <DateTimeField source="at" />
      <TextField source="actorId" sortable={false} />
      <EnumField source="actorRole" prefix="app.role" sortable={false} />
      <TextField source="action" />
      <TextField source="entityType" />
      <TextField source="entityId" sortable={false} />
      <ReferenceField source="campaignId" reference="campaigns" link="show" sortable={false} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <TextField source="reason" sortable={false} />
      <TextField source="clause" sortable={false} />
    </Datagrid>
  </List>
);
