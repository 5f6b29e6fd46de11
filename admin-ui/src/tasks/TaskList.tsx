import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { taskStatusChoices, taskStatusColors, taskTypeChoices } from '../choices';
import { DateTimeField, EnumChipField, EnumField, OverdueChip, OverdueField, StageField, useFormatDate } from '../common/fields';
import { campaignFilter } from '../common/filters';
import { useStageChoices, useStageName } from '../common/programmes';
import { RecordCard, ResponsiveDatagrid } from '../layout/CardList';
import { ResponsiveList } from '../layout/ResponsiveList';
import type { TaskRow } from './bulkApi';
import { ClaimButton } from './ClaimButton';
import { TaskBulkActions } from './TaskBulkActions';
import { csvExporter } from '../common/csv';

// Only filters the API accepts: an unknown filter field is a 400.
const useTaskFilters = () => {
  const stageChoices = useStageChoices();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
    <NullableBooleanInput key="overdue" source="overdue" />,
    campaignFilter({ alwaysOn: false }),
    <SelectInput key="stageKey" source="stageKey" choices={stageChoices} translateChoice={false} />,
    <SelectInput key="type" source="type" choices={taskTypeChoices} />,
    <BooleanInput key="mine" source="mine" defaultValue />,
  ];
};

/**
 * A task on a phone: what it is and for whom, its stage, when it is due (red when overdue), its status and
 * who holds it; 认领 at the bottom of the card, within a thumb's reach. A tap elsewhere opens the task.
 */
const TaskCard = () => {
  const task = useRecordContext<TaskRow>();
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const stageName = useStageName();
  const { identity } = useGetIdentity();
  if (!task) return null;
  const mine = !!task.claimedById && !!identity && String(identity.id) === task.claimedById;
  const late = task.status === 'open' && task.overdue;
  const operator = [task.details?.operatorName, task.details?.operatorUscc].filter(Boolean).join(' · ');
  return (
    <RecordCard testId="task-card" openTestId="task-card-open" highlighted={late} actions={<ClaimButton size="medium" />}>
      <Typography variant="subtitle1" component="div" sx={{ fontWeight: 500, lineHeight: 1.4 }}>
        {task.title}
      </Typography>
      {operator && (
        <Typography variant="body2" color="text.secondary" data-testid="task-card-operator">
          {operator}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        {[...new Set([translate(`app.task.type.${task.type}`, { _: task.type }), stageName(task.stageKey)])].filter(Boolean).join(' · ')}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
        <Typography variant="body2" color={late ? 'error' : 'text.primary'} sx={{ fontWeight: late ? 500 : undefined }} data-testid="task-card-due">
          {translate('resources.tasks.fields.dueAt')} {formatDate(task.dueAt)}
        </Typography>
        {late && <OverdueChip />}
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
        {mine ? (
          <Chip size="small" color="primary" variant="outlined" label={translate('app.task.claimed_by_me')} />
        ) : task.claimedById ? (
          <Chip size="small" variant="outlined" label={`${translate('resources.tasks.fields.claimedByName')}：${task.claimedByName ?? task.claimedById}`} />
        ) : null}
      </Stack>
    </RecordCard>
  );
};

export const TaskList = () => (
  <ResponsiveList
    title="app.task.list_title"
    filters={useTaskFilters()}
    filterDefaultValues={{ status: 'open' }}
    sort={{ field: 'dueAt', order: 'ASC' }}
    perPage={25}
    exporter={csvExporter}
  >
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={<TaskBulkActions />} card={<TaskCard />} cardsTestId="task-cards">
      <TextField source="title" />
      <EnumField source="type" prefix="app.task.type" />
      <StageField source="stageKey" />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <TextField source="claimedByName" sortable={false} emptyText="" />
      <DateTimeField source="dueAt" />
      <OverdueField source="overdue" sortable={false} />
      <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
    </ResponsiveDatagrid>
  </ResponsiveList>
);
