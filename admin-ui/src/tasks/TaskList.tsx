import { Box, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import {
  BooleanInput,
  FunctionField,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
  useGetIdentity,
  useGetList,
  useListContext,
  usePermissions,
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
import { ClaimButton, useHandlerName } from './ClaimButton';
import type { Role } from '../types';
import { TaskBulkActions } from './TaskBulkActions';
import { csvExporter } from '../common/csv';
import { countLabel } from '../dataProvider';

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
  const completed = task.status === 'done' && task.completedByName;
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
        {task.evaluationGroupName && (
          <Chip
            size="small"
            variant="outlined"
            data-testid="task-card-group"
            label={`${translate('resources.tasks.fields.evaluationGroupName')}：${task.evaluationGroupName}`}
          />
        )}
        {mine ? (
          <Chip size="small" color="primary" variant="outlined" label={translate('app.task.claimed_by_me')} />
        ) : task.claimedById ? (
          <Chip size="small" variant="outlined" label={`${translate('resources.tasks.fields.claimedByName')}：${task.claimedByName ?? ''}`} />
        ) : null}
        {completed && (
          <Typography variant="body2" color="text.secondary" data-testid="task-card-completed">
            {translate('resources.tasks.fields.completedByName')}：{task.completedByName} · {formatDate(task.completedAt!)}
          </Typography>
        )}
      </Stack>
    </RecordCard>
  );
};

/** Those who oversee a jurisdiction's work: they see 全部 (api/resources/tasks.ts, README "The task inbox"). */
const OVERSEERS: (Role | undefined)[] = ['coordinator', 'leader', 'admin'];
type View = 'mine' | 'unclaimed' | 'done' | 'all';
/** The views of a role: leaders and administrators never hold tasks, so they have no 我的 or 待认领. */
const viewsOf = (role?: Role): View[] =>
  role === 'leader' || role === 'admin' ? ['done', 'all'] : OVERSEERS.includes(role) ? ['mine', 'unclaimed', 'done', 'all'] : ['mine', 'unclaimed', 'done'];
/** A view's own filter: 全部 keeps to open work unless the status filter says otherwise. */
const viewFilter = (view: View) => (view === 'all' ? { view, status: 'open' } : { view });

/** How many tasks a view holds now (one small request per tab), within the list's other filters. */
const ViewCount = ({ view, filter }: { view: View; filter: Record<string, unknown> }) => {
  const { total, meta } = useGetList('tasks', { pagination: { page: 1, perPage: 1 }, filter: { ...filter, ...viewFilter(view) } });
  // Beyond its bound the API does not count (api/list.ts LIST_TOTAL_CAP): "10000+".
  const label = countLabel(total, meta);
  return label == null ? null : <>（{label}）</>;
};

/** 我的 / 本单位待认领 / 已办 / 全部 as tabs over the list; a tab keeps the search and campaign filters. */
const ViewTabs = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const views = viewsOf(permissions);
  const current = views.find((v) => v === filterValues?.view) ?? false;
  const { view: _view, status: _status, mine: _mine, ...rest } = (filterValues ?? {}) as Record<string, unknown>;
  return (
    <Tabs
      value={current}
      onChange={(_e, view: View) => setFilters({ ...rest, ...viewFilter(view) }, displayedFilters)}
      variant="scrollable"
      allowScrollButtonsMobile
      data-testid="task-views"
      sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      {views.map((v) => (
        <Tab
          key={v}
          value={v}
          data-testid={`task-view-${v}`}
          label={
            <span>
              {translate(`app.task.views.${v}`)}
              <ViewCount view={v} filter={rest} />
            </span>
          }
        />
      ))}
    </Tabs>
  );
};

/** The list's title says what it holds for this role: a coordinator's list of all stations is not 我的待办. */
const TaskListTitle = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  const { filterValues } = useListContext();
  const jurisdiction = String((identity as { jurisdictionName?: string } | undefined)?.jurisdictionName ?? '');
  const view = filterValues?.view as View | undefined;
  const oversees = OVERSEERS.includes(permissions);
  const key =
    view === 'done'
      ? oversees
        ? 'done_overseen'
        : 'done'
      : view === 'mine' || view === 'unclaimed' || view === 'all'
        ? view
        : oversees
          ? 'all'
          : filterValues?.mine
            ? 'mine'
            : 'staff';
  return <span data-testid="task-list-title">{translate(`app.task.titles.${key}`, { jurisdiction })}</span>;
};

/** Who handles the task (holder, or who completed it), by name. */
const HandlerField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const task = useRecordContext<TaskRow>();
  return <span data-testid="task-handler">{useHandlerName(task)}</span>;
};

export const TaskList = () => {
  const { permissions, isPending } = usePermissions<Role>();
  const filters = useTaskFilters();
  // The default view depends on the role, known once permissions are read.
  if (isPending) return null;
  const first = viewsOf(permissions)[0]!;
  return (
    <ResponsiveList
      title={<TaskListTitle />}
      filters={filters}
      filterDefaultValues={viewFilter(OVERSEERS.includes(permissions) ? 'all' : first)}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
      exporter={csvExporter}
    >
      <ViewTabs />
      <ResponsiveDatagrid rowClick="show" bulkActionButtons={<TaskBulkActions />} card={<TaskCard />} cardsTestId="task-cards">
        <TextField source="title" />
        <EnumField source="type" prefix="app.task.type" />
        <StageField source="stageKey" />
        <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
        <HandlerField source="claimedByName" label="resources.tasks.fields.claimedByName" sortable={false} />
        <DateTimeField source="dueAt" />
        <OverdueField source="overdue" sortable={false} />
        <EnumChipField source="status" prefix="app.task.status" colors={taskStatusColors} />
        <FunctionField<TaskRow> source="completedByName" sortable={false} render={(t) => t.completedByName ?? ''} />
        <DateTimeField source="completedAt" />
        {/* 认领 in the row: the unit's open work is taken from the list itself. */}
        <FunctionField label="" sortable={false} render={() => <ClaimButton />} />
      </ResponsiveDatagrid>
    </ResponsiveList>
  );
};
