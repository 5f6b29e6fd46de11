import { Datagrid, List, ReferenceField, TextField, TextInput } from 'react-admin';
import { ListActionsWithExports } from '../common/ExportButtons';
import { DateTimeField, EnumField, JsonField } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { csvExporter } from '../common/csv';
import { AuditActionField, AuditActorField, AuditEntityField, useSeesIds } from './fields';

// The API offers no full-text search on audit events, only these exact filters; the codes and ids they
// take are an admin's (README "The console's words").
const auditEventFilters = [campaignFilter()];
const adminFilters = [
  ...auditEventFilters,
  <TextInput key="action" source="action" />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The event's data, shown when a row is expanded. */
export const AuditEventData = () => <JsonField source="data" />;

/** Read-only: the audit trail is append-only and nothing in it is edited or deleted. */
export const AuditEventList = () => {
  const seesIds = useSeesIds();
  return (
    <List
      filters={seesIds ? adminFilters : auditEventFilters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={50}
      exporter={csvExporter}
      actions={<ListActionsWithExports />}
    >
      {/* The entry's raw data (ids, digests) is for an administrator (README "The console's words"). */}
      <Datagrid bulkActionButtons={false} expand={seesIds ? <AuditEventData /> : undefined} rowClick={seesIds ? 'expand' : false}>
        <DateTimeField source="at" />
        <AuditActorField source="actorId" sortable={false} />
        <EnumField source="actorRole" prefix="app.role" sortable={false} />
        <AuditActionField source="action" />
        <AuditEntityField source="entityType" />
        <ReferenceField source="campaignId" reference="campaigns" link="show" sortable={false} />
        <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
        <TextField source="reason" sortable={false} />
        <TextField source="clause" sortable={false} />
      </Datagrid>
    </List>
  );
};
