import { useEffect, useState } from 'react';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Confirm, useDataProvider, useLocaleState, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { CsvImportDialogButton } from '../common/CsvImportDialogButton';
import { formatDateTime } from '../common/dates';
import { ProblemAlert } from '../common/ProblemAlert';
import { Section } from '../common/Section';
import { useActionMutation } from '../common/useActionMutation';
import type { AppDataProvider } from '../dataProvider';
import { problemOf } from '../httpClient';
import { canRunCampaigns } from '../permissions';
import type { Campaign, EvaluationGroup, EvaluationGroups, Role, ScoreImport } from '../types';

// 评价组 (changxing 四、（四）: 部门评价、第三方监测、行业评议、消费者评议、社会评议; README "Evaluation groups"):
// which group scores which dimension and who is in it; a third party's scores imported from Excel or CSV,
// with the delivery of each import followed until every line has reached its case.

const useGroups = (campaign?: Campaign) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['campaigns', 'evaluation-groups', campaign?.id],
    queryFn: () => dataProvider.evaluationGroups(campaign!.id),
    enabled: !!campaign,
  });
};

/** 新建评价组 / 编辑: name, unit or third party, the dimensions it scores, its members. */
const GroupDialog = ({ campaign, groups, group, onClose }: { campaign: Campaign; groups: EvaluationGroups; group?: EvaluationGroup; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: candidates = [] } = useQuery({
    queryKey: ['campaigns', 'evaluation-candidates', campaign.id],
    queryFn: () => dataProvider.evaluationCandidates(campaign.id),
  });
  const [name, setName] = useState(group?.name ?? '');
  const [external, setExternal] = useState(group?.external ?? false);
  const [dimensions, setDimensions] = useState<string[]>(group?.dimensions.map((d) => d.key) ?? []);
  const [members, setMembers] = useState<string[]>(group?.members.map((m) => m.id) ?? []);
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const toggle = (list: string[], key: string) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);
  const save = useActionMutation(
    () => dataProvider.saveEvaluationGroup(campaign.id, { name, external, dimensions, memberIds: members }, group?.id),
    'app.evaluation.saved',
    onClose,
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(group ? 'app.evaluation.edit' : 'app.evaluation.create')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }} data-testid="evaluation-group-form">
          <TextField
            label={translate('app.evaluation.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            inputProps={{ 'data-testid': 'evaluation-group-name' }}
          />
          <FormControlLabel
            control={<Checkbox checked={external} onChange={(e) => setExternal(e.target.checked)} data-testid="evaluation-group-external" />}
            label={translate('app.evaluation.external_helper')}
          />
          <FormGroup>
            <FormLabel>{translate('app.evaluation.dimensions')}</FormLabel>
            {groups.dimensions.map((d) => {
              const heldBy = groups.groups.find((g) => g.id === d.groupId && g.id !== group?.id);
              return (
                <FormControlLabel
                  key={d.key}
                  disabled={!!heldBy}
                  control={<Checkbox checked={dimensions.includes(d.key)} onChange={() => setDimensions(toggle(dimensions, d.key))} />}
                  label={heldBy ? translate('app.evaluation.held_by', { dimension: d.name, group: heldBy.name }) : d.name}
                />
              );
            })}
          </FormGroup>
          <FormGroup>
            <FormLabel>{translate(external ? 'app.evaluation.members_external' : 'app.evaluation.members')}</FormLabel>
            {candidates.map((u) => (
              <FormControlLabel
                key={u.id}
                control={<Checkbox checked={members.includes(u.id)} onChange={() => setMembers(toggle(members, u.id))} />}
                label={`${u.displayName}（${u.jurisdictionName}）`}
              />
            ))}
          </FormGroup>
          <ProblemAlert problem={problem} onClose={() => setProblem(null)} testId="evaluation-group-problem" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          label="ra.action.save"
          variant="contained"
          data-testid="evaluation-group-save"
          disabled={save.isPending || !name.trim() || !dimensions.length}
          onClick={() => save.mutate(undefined, { onError: (e) => setProblem(problemOf(e)) })}
        />
      </DialogActions>
    </Dialog>
  );
};

/** 导入评分: a third party's file (统一社会信用代码, 分数, 备注), all lines or none. */
const ImportScoresButton = ({ campaign, group }: { campaign: Campaign; group: EvaluationGroup }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  return (
    <CsvImportDialogButton<ScoreImport>
      send={(file) => dataProvider.importScores(campaign.id, group.id, file)}
      testId={`scores-${group.id}`}
      messages={{
        label: 'app.evaluation.import',
        title: 'app.evaluation.import_title',
        helper: 'app.evaluation.import_helper',
        failed: 'app.evaluation.import_failed',
        success: 'app.evaluation.imported',
      }}
      template={{ header: ['统一社会信用代码', '分数', '备注', '名称'], filename: 'app.evaluation.template_name', xlsx: 'third-party-scores' }}
      renderResult={(r) => <Typography variant="body2">{translate('app.evaluation.import_progress', { ...r })}</Typography>}
    />
  );
};

const DissolveButton = ({ campaign, group }: { campaign: Campaign; group: EvaluationGroup }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const dissolve = useActionMutation(() => dataProvider.dissolveEvaluationGroup(campaign.id, group.id), 'app.evaluation.dissolved');
  return (
    <>
      <Button label="app.evaluation.dissolve" color="error" onClick={() => setOpen(true)} disabled={group.doneTasks > 0} />
      <Confirm
        isOpen={open}
        loading={dissolve.isPending}
        title="app.evaluation.dissolve"
        content={translate('app.evaluation.dissolve_confirm', { name: group.name })}
        onConfirm={() => dissolve.mutate(undefined, { onSettled: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** The imports, newest first: lines, delivered, refused by a case (each named), who, when. Polled while one runs. */
const ImportsTable = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data = [] } = useQuery({
    queryKey: ['campaigns', 'score-imports', campaign.id],
    queryFn: () => dataProvider.scoreImports(campaign.id),
    refetchInterval: (q) => ((q.state.data ?? []).some((i) => i.status === 'running') ? 2000 : false),
  });
  // An import that finishes has scored tasks: the groups' counts above follow.
  const queryClient = useQueryClient();
  const finished = data.filter((i) => i.status === 'done').length;
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['campaigns', 'evaluation-groups', campaign.id] });
  }, [finished, queryClient, campaign.id]);
  if (!data.length) return <Typography color="text.secondary">{translate('app.evaluation.no_imports')}</Typography>;
  return (
    <Table size="small" data-testid="score-imports">
      <TableHead>
        <TableRow>
          {['group', 'dimension', 'lines', 'delivered', 'refused', 'status', 'by', 'at'].map((k) => (
            <TableCell key={k}>{translate(`app.evaluation.col.${k}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((i) => (
          <TableRow key={i.id} data-testid="score-import" data-status={i.status}>
            <TableCell>{i.groupName}</TableCell>
            <TableCell>{i.dimensionName}</TableCell>
            <TableCell>{i.lines}</TableCell>
            <TableCell>{i.delivered}</TableCell>
            <TableCell>
              {i.refused.length === 0
                ? 0
                : i.refused.map((r) => (
                    <div key={r.line}>
                      {translate('app.evaluation.refused_line', { line: r.line, name: r.operatorName, reason: locale === 'en' ? r.messageEn : r.messageZh })}
                    </div>
                  ))}
            </TableCell>
            <TableCell>{translate(`app.evaluation.status.${i.status}`)}</TableCell>
            <TableCell>{i.importedByName}</TableCell>
            <TableCell>{formatDateTime(i.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const EvaluationGroupsTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const runs = canRunCampaigns(permissions);
  const { data, error } = useGroups(campaign);
  const [editing, setEditing] = useState<EvaluationGroup | 'new' | null>(null);
  if (!campaign || !data) return error ? <Alert severity="error">{(error as Error).message}</Alert> : null;
  return (
    <Stack spacing={3} data-testid="evaluation-groups">
      <Alert severity="info">
        {translate('app.evaluation.intro')} {translate(data.multiDimensionScorers ? 'app.evaluation.several_allowed' : 'app.evaluation.one_per_person')}
      </Alert>
      <Section title="app.evaluation.groups">
        <Table size="small">
          <TableHead>
            <TableRow>
              {['name', 'kind', 'dimensions', 'members', 'tasks', ''].map((k) => (
                <TableCell key={k}>{k && translate(`app.evaluation.col.${k}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.groups.map((g) => (
              <TableRow key={g.id} data-testid="evaluation-group" data-name={g.name}>
                <TableCell>{g.name}</TableCell>
                <TableCell>{translate(g.external ? 'app.evaluation.kind_external' : 'app.evaluation.kind_unit')}</TableCell>
                <TableCell>
                  {g.dimensions.map((d) => (
                    <Chip key={d.key} size="small" label={d.name} sx={{ mr: 0.5 }} />
                  ))}
                </TableCell>
                <TableCell>{g.members.map((m) => m.displayName).join('、') || '—'}</TableCell>
                <TableCell>{translate('app.evaluation.task_counts', { open: g.openTasks, done: g.doneTasks })}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                    {g.external && (runs || permissions === 'auditor') && <ImportScoresButton campaign={campaign} group={g} />}
                    {runs && <Button label="ra.action.edit" onClick={() => setEditing(g)} startIcon={<EditIcon />} />}
                    {runs && <DissolveButton campaign={campaign} group={g} />}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
            {data.dimensions
              .filter((d) => !d.groupId)
              .map((d) => (
                <TableRow key={d.key}>
                  <TableCell colSpan={6}>
                    <Typography variant="body2" color="text.secondary">
                      {translate('app.evaluation.unassigned', { dimension: d.name })}
                    </Typography>
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
        {runs && (
          <Box sx={{ mt: 1 }}>
            <Button
              label="app.evaluation.create"
              variant="outlined"
              data-testid="evaluation-group-create"
              onClick={() => setEditing('new')}
              startIcon={<GroupAddIcon />}
            />
          </Box>
        )}
      </Section>
      <Section title="app.evaluation.imports">
        <ImportsTable campaign={campaign} />
      </Section>
      {editing && <GroupDialog campaign={campaign} groups={data} group={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
};
