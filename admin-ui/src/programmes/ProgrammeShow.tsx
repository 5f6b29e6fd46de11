import { useState } from 'react';
import { useSeesIds } from '../audit-events/fields';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, EditButton, Show, TopToolbar, useCreatePath, useDataProvider, useNavigate, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useFormatDate } from '../common/fields';
import { InfoTable } from '../common/InfoTable';
import { Section } from '../common/Section';
import { useLocalizedName } from '../common/useLocalizedName';
import type { AppDataProvider } from '../dataProvider';
import { errorMessage } from '../httpClient';
import { canEditProgrammes } from '../permissions';
import type { Named, ProgrammeRecord, ProgrammeSpec, Role } from '../types';
import { useFieldLabel } from '../tasks/DefinedForms';
import { ProgrammeKindChip } from './ProgrammeList';

const Cell = TableCell;

/**
 * A definition's keys are the vocabulary of those who write definitions (coordinators, admins: the editor
 * takes them); to anyone else they are codes, not words (README "The console's words").
 */
const useShowKeys = () => canEditProgrammes(usePermissions<Role>().permissions);
const KeyCell = ({ children }: { children: React.ReactNode }) => (useShowKeys() ? <Cell>{children}</Cell> : null);

/** The stages of a spec: key, name, days, task types. */
const SpecStages = ({ spec }: { spec: ProgrammeSpec }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const typeName = (key: string) => {
    const t = spec.taskTypes.find((x) => x.key === key);
    return t ? localized(t) : key;
  };
  return (
    <Table size="small" sx={{ width: 'auto' }} data-testid="programme-stages">
      <TableHead>
        <TableRow>
          <KeyCell>{translate('app.programme.key')}</KeyCell>
          <Cell>{translate('app.programme.name')}</Cell>
          <Cell align="right">{translate('app.programme.durationDays')}</Cell>
          <Cell>{translate('app.programme.stage_task_types')}</Cell>
        </TableRow>
      </TableHead>
      <TableBody>
        {spec.stages.map((s) => (
          <TableRow key={s.key}>
            <KeyCell>{s.key}</KeyCell>
            <Cell>{localized(s)}</Cell>
            <Cell align="right">{s.durationDays}</Cell>
            <Cell>{[...s.taskTypes.map(typeName), ...(s.key === spec.rubric.stageKey ? [translate('app.programme.rubric')] : [])].join('、')}</Cell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Each task type: who does it and its form's fields. */
const SpecTaskTypes = ({ spec }: { spec: ProgrammeSpec }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const fieldLabel = useFieldLabel();
  const showKeys = useShowKeys();
  return (
    <Stack spacing={2} data-testid="programme-task-types">
      {spec.taskTypes.map((t) => (
        <Box key={t.key}>
          <Typography variant="subtitle2">
            {localized(t)}
            {showKeys && `（${t.key}）`} · {translate(`app.role.${t.role}`, { _: t.role })}
          </Typography>
          <Table size="small" sx={{ width: 'auto' }}>
            <TableHead>
              <TableRow>
                <KeyCell>{translate('app.programme.key')}</KeyCell>
                <Cell>{translate('app.programme.label')}</Cell>
                <Cell>{translate('app.programme.field_type_label')}</Cell>
                <Cell>{translate('app.programme.required')}</Cell>
                <Cell>{translate('app.programme.options')}</Cell>
              </TableRow>
            </TableHead>
            <TableBody>
              {t.form.map((f) => (
                <TableRow key={f.key}>
                  <KeyCell>{f.key}</KeyCell>
                  <Cell>{fieldLabel(f)}</Cell>
                  <Cell>{translate(`app.programme.field_type.${f.type}`, { _: f.type })}</Cell>
                  <Cell>{translate(f.required ? 'app.common.yes' : 'app.common.no')}</Cell>
                  <Cell>{(f.options ?? []).join('、')}</Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Stack>
  );
};

const SpecRubric = ({ spec }: { spec: ProgrammeSpec }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const stage = spec.stages.find((s) => s.key === spec.rubric.stageKey);
  const total = spec.rubric.items.reduce((sum, i) => sum + i.points, 0);
  return (
    <Stack spacing={1} data-testid="programme-rubric">
      <Typography variant="body2">
        {translate('app.programme.rubric_summary', {
          stage: stage ? localized(stage) : spec.rubric.stageKey,
          role: translate(`app.role.${spec.rubric.role}`, { _: spec.rubric.role }),
        })}
      </Typography>
      <Table size="small" sx={{ width: 'auto' }}>
        <TableHead>
          <TableRow>
            <KeyCell>{translate('app.programme.key')}</KeyCell>
            <Cell>{translate('app.programme.name')}</Cell>
            <Cell align="right">{translate('app.programme.points')}</Cell>
          </TableRow>
        </TableHead>
        <TableBody>
          {spec.rubric.items.map((i) => (
            <TableRow key={i.key}>
              <KeyCell>{i.key}</KeyCell>
              <Cell>{localized(i)}</Cell>
              <Cell align="right">{i.points}</Cell>
            </TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
            <Cell />
            <Cell>{translate('app.city_audit.total')}</Cell>
            <Cell align="right">{total}</Cell>
          </TableRow>
        </TableBody>
      </Table>
      {spec.rubric.vetoItems.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2">{translate('app.programme.veto_items')}：</Typography>
          {spec.rubric.vetoItems.map((v: Named) => (
            <Chip key={v.key} size="small" color="error" variant="outlined" label={localized(v)} />
          ))}
        </Stack>
      )}
    </Stack>
  );
};

/** A defined programme's spec, laid out part by part. */
export const SpecView = ({ spec }: { spec: ProgrammeSpec }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  return (
    <>
      <Section title="app.programme.general">
        <InfoTable
          rows={[
            ['app.programme.id', spec.id],
            ['app.programme.name', spec.name],
            ['app.programme.nameEn', spec.nameEn],
            ['app.programme.defaultStart', spec.defaultStart],
            ['app.programme.clause', spec.clause],
          ]}
        />
      </Section>
      <Section title="app.programme.stages">
        <SpecStages spec={spec} />
      </Section>
      <Section title="app.programme.task_types">
        <SpecTaskTypes spec={spec} />
      </Section>
      <Section title="app.programme.rubric">
        <SpecRubric spec={spec} />
      </Section>
      <Section title="app.programme.roster">
        <InfoTable
          rows={[
            ['app.programme.name', localized({ name: spec.roster.name, nameEn: spec.roster.nameEn })],
            ['app.programme.threshold', spec.roster.threshold != null ? String(spec.roster.threshold) : ''],
            ['app.programme.quota', spec.roster.quota != null ? String(spec.roster.quota) : ''],
          ]}
        />
        {spec.roster.threshold == null && spec.roster.quota == null && <Typography color="text.secondary">{translate('app.common.none')}</Typography>}
      </Section>
    </>
  );
};

interface BuiltInStage extends Named {
  defaultStart?: string;
  defaultDue?: string;
  taskTypes?: string[];
}

/** A built-in programme (in code): its stages with their default dates and task types. */
const BuiltInView = ({ programme }: { programme: ProgrammeRecord }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const stages = (programme.stages ?? []) as BuiltInStage[];
  const tracks = (programme.tracks ?? []) as Named[];
  // A built-in programme is not edited here: its stage keys are an admin's only.
  const seesIds = useSeesIds();
  return (
    <>
      <Alert severity="info" sx={{ mx: 2 }}>
        {translate('app.programme.built_in_read_only')}
      </Alert>
      <Section title="app.programme.stages">
        <Table size="small" sx={{ width: 'auto' }} data-testid="programme-stages">
          <TableHead>
            <TableRow>
              {seesIds && <Cell>{translate('app.programme.key')}</Cell>}
              <Cell>{translate('app.programme.name')}</Cell>
              <Cell>{translate('app.campaign.startsAt')}</Cell>
              <Cell>{translate('app.campaign.dueAt')}</Cell>
              <Cell>{translate('app.programme.stage_task_types')}</Cell>
            </TableRow>
          </TableHead>
          <TableBody>
            {stages.map((s) => (
              <TableRow key={s.key}>
                {seesIds && <Cell>{s.key}</Cell>}
                <Cell>{localized(s)}</Cell>
                <Cell>{s.defaultStart}</Cell>
                <Cell>{s.defaultDue}</Cell>
                <Cell>{(s.taskTypes ?? []).map((t) => translate(`app.task.type.${t}`, { _: t })).join('、')}</Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      {tracks.length > 0 && (
        <Section title="app.programme.tracks">
          <Stack direction="row" spacing={1}>
            {tracks.map((t) => (
              <Chip key={t.key} size="small" label={localized(t)} />
            ))}
          </Stack>
        </Section>
      )}
    </>
  );
};

/** The version history of a defined programme; choosing one shows that version's spec. */
const VersionHistory = ({ programme, shown, onShow }: { programme: ProgrammeRecord; shown: number | null; onShow: (version: number | null) => void }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, error } = useQuery({
    queryKey: ['programmes', 'versions', programme.id],
    queryFn: () => dataProvider.programmeVersions(programme.id),
  });
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  return (
    <Table size="small" sx={{ width: 'auto' }} data-testid="programme-versions">
      <TableHead>
        <TableRow>
          <Cell>{translate('app.programme.version_label')}</Cell>
          <Cell>{translate('resources.programmes.fields.createdAt')}</Cell>
          <Cell>{translate('resources.programmes.fields.createdByName')}</Cell>
          <Cell />
        </TableRow>
      </TableHead>
      <TableBody>
        {(data ?? []).map((v) => {
          const current = v.version === (shown ?? programme.version);
          return (
            <TableRow key={v.version} selected={current}>
              <Cell>{translate('app.programme.version', { version: v.version })}</Cell>
              <Cell>{formatDate(v.createdAt)}</Cell>
              <Cell>{v.createdByName ?? ''}</Cell>
              <Cell>
                {current ? (
                  <Chip size="small" label={translate('app.programme.shown')} />
                ) : (
                  <Chip
                    size="small"
                    variant="outlined"
                    clickable
                    label={translate('app.programme.show_version')}
                    onClick={() => onShow(v.version === programme.version ? null : v.version)}
                  />
                )}
              </Cell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

const DefinedView = ({ programme }: { programme: ProgrammeRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [shown, setShown] = useState<number | null>(null);
  const { data: versions } = useQuery({
    queryKey: ['programmes', 'versions', programme.id],
    queryFn: () => dataProvider.programmeVersions(programme.id),
    enabled: shown != null,
  });
  const spec = shown != null ? versions?.find((v) => v.version === shown)?.spec : programme.spec;
  return (
    <>
      {shown != null && (
        <Alert severity="info" sx={{ mx: 2 }}>
          {translate('app.programme.showing_old', { version: shown, latest: programme.version ?? '' })}
        </Alert>
      )}
      {spec && <SpecView spec={spec} />}
      <Section title="app.programme.versions">
        <VersionHistory programme={programme} shown={shown} onShow={setShown} />
      </Section>
    </>
  );
};

const ProgrammeBody = () => {
  const programme = useRecordContext<ProgrammeRecord>();
  const localized = useLocalizedName();
  const translate = useTranslate();
  if (!programme) return null;
  return (
    <Box sx={{ py: 1 }} data-testid="programme-show">
      <Stack direction="row" spacing={1} sx={{ px: 2, alignItems: 'center' }}>
        <Typography variant="h6">{localized(programme)}</Typography>
        <ProgrammeKindChip programme={programme} />
      </Stack>
      {programme.jurisdictionName && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2 }} data-testid="programme-owner">
          {translate('resources.programmes.fields.jurisdictionName')}：{programme.jurisdictionName}
          {!programme.builtIn && !programme.canRevise && ` · ${translate('app.programme.not_yours')}`}
        </Typography>
      )}
      {programme.builtIn || !programme.spec ? <BuiltInView programme={programme} /> : <DefinedView programme={programme} />}
    </Box>
  );
};

/**
 * 复制为模板: the editor for a new programme, filled in with this one's spec and a new id and name to
 * change (api/resources/programmes.ts: only the owner's jurisdiction and those above revise it).
 */
const CopyAsTemplateButton = ({ programme }: { programme: ProgrammeRecord }) => {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  return (
    <Button
      label="app.programme.copy"
      data-testid="programme-copy"
      onClick={() => navigate(`${createPath({ resource: 'programmes', type: 'create' })}?copyFrom=${encodeURIComponent(String(programme.id))}`)}
    >
      <ContentCopyIcon />
    </Button>
  );
};

/** 修订 only when the API says the caller may revise (canRevise); 复制为模板 for anyone who defines programmes. */
const ProgrammeShowActions = () => {
  const programme = useRecordContext<ProgrammeRecord>();
  const { permissions } = usePermissions<Role>();
  if (!programme) return <TopToolbar />;
  const defined = !programme.builtIn && !!programme.spec;
  return (
    <TopToolbar>
      {defined && programme.canRevise && canEditProgrammes(permissions) && <EditButton label="app.programme.edit" data-testid="programme-edit" />}
      {defined && canEditProgrammes(permissions) && <CopyAsTemplateButton programme={programme} />}
    </TopToolbar>
  );
};

export const ProgrammeShow = () => (
  <Show actions={<ProgrammeShowActions />}>
    <ProgrammeBody />
  </Show>
);
