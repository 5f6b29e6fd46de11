import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ExportButtons } from '../common/ExportButtons';
import { formatDateTime } from '../common/dates';
import { registerStatusChoices, registerStatusColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { canFileIntake } from '../permissions';
import type { IntakeBatch, Register, Role } from '../types';
import { BatchSeqField, FiledDateField, LastScoreField, PriorityField } from './RegisterFields';
import { csvExporter } from '../common/csv';

/** 第 2 批 · 2026-12-03 (the batch and its review deadline, in the console's one date format). */
const BatchOption = () => {
  const batch = useRecordContext<IntakeBatch>();
  const translate = useTranslate();
  return batch ? <>{`${translate('app.batch.seq', { seq: batch.seq })} · ${formatDateTime(batch.reviewDueAt, false)}`}</> : null;
};

// Only filters the API accepts: campaignId, status, batchId, removalProposed, q (register is fixed).
const registerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" filter={{ programme: 'lijiang' }} alwaysOn>
    <SelectInput label="resources.register-entries.fields.campaignId" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={registerStatusChoices} alwaysOn />,
  <ReferenceInput key="batchId" source="batchId" reference="intake-batches" sort={{ field: 'seq', order: 'DESC' }}>
    <SelectInput label="resources.register-entries.fields.batchId" optionText={<BatchOption />} />
  </ReferenceInput>,
  <NullableBooleanInput key="removalProposed" source="removalProposed" />,
];

const RegisterListActions = ({ register }: { register: Register }) => {
  const { permissions } = usePermissions<Role>();
  return (
    <TopToolbar>
      <FilterButton />
      {canFileIntake(permissions) && <CreateButton label={`app.register.file.${register}`} data-testid={`file-${register}`} />}
      <ExportButtons />
    </TopToolbar>
  );
};

/**
 * 特色直播优质产品库 / 新媒体达人库: the applications and entries of one register, highest review
 * priority first (GET /api/register-entries?filter={"register":…}).
 */
export const RegisterList = ({ register }: { register: Register }) => (
  <List
    resource={`${register}-register`}
    title={`app.register.title.${register}`}
    filters={registerFilters}
    sort={{ field: 'priority', order: 'DESC' }}
    perPage={25}
    actions={<RegisterListActions register={register} />}
    exporter={csvExporter}
  >
    <Datagrid rowClick={(id) => `/register-entries/${encodeURIComponent(String(id))}/show`} bulkActionButtons={false} data-testid={`register-${register}`}>
      <TextField source="name" label="resources.register-entries.fields.name" />
      <TextField source="operatorName" label="resources.register-entries.fields.operatorName" sortable={false} />
      <EnumChipField source="status" label="resources.register-entries.fields.status" prefix="app.register.status" colors={registerStatusColors} />
      <PriorityField source="priority" label="resources.register-entries.fields.priority" />
      <BatchSeqField source="batchSeq" label="resources.register-entries.fields.batchSeq" sortable={false} />
      <FiledDateField source="filedAt" label="resources.register-entries.fields.filedAt" />
      <LastScoreField source="lastScore" label="resources.register-entries.fields.lastScore" />
      <DateTimeField source="createdAt" label="resources.register-entries.fields.createdAt" showTime={false} />
    </Datagrid>
  </List>
);

export const ProductRegisterList = () => <RegisterList register="product" />;
export const InfluencerRegisterList = () => <RegisterList register="influencer" />;
