import { useState } from 'react';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Alert, Box, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Button,
  Datagrid,
  FilterForm,
  ListBase,
  NullableBooleanInput,
  Pagination,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  useDataProvider,
  useListContext,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { CsvImportPanel, CsvUploadButton, useCsvImport } from '../common/CsvImport';
import { DateTimeField, EnumField, type CustomFieldProps } from '../common/fields';
import { ProblemAlert } from '../common/ProblemAlert';
import { Section } from '../common/Section';
import { useLocalizedName } from '../common/useLocalizedName';
import { DownloadButton } from '../common/DownloadButton';
import type { AppDataProvider } from '../dataProvider';
import { problemOf, type Problem } from '../httpClient';
import { canRunCampaigns } from '../permissions';
import type { Campaign, Candidate, Named, Role } from '../types';
import { CandidateFlags } from './CandidateFlags';
import { useCampaignRules } from './useCampaignRules';

const REGISTERED = '__registered';

const EnrolledField = (_props: CustomFieldProps) => {
  const candidate = useRecordContext<Candidate>();
  const translate = useTranslate();
  if (!candidate) return null;
  return candidate.enrolled ? (
    <Chip size="small" color="primary" label={translate('app.enrolment.enrolled_yes')} />
  ) : (
    <Chip size="small" variant="outlined" label={translate('app.enrolment.enrolled_no')} />
  );
};

/** 纳入: enrols the selected operators, each on the chosen track or on its registered one. */
const EnrolSelectedButton = ({ campaign, tracks }: { campaign: Campaign; tracks: Named[] }) => {
  const { selectedIds, onUnselectItems } = useListContext<Candidate>();
  const translate = useTranslate();
  const localized = useLocalizedName();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  // The operators chosen when the dialog opened (the selection may change behind it).
  const [ids, setIds] = useState<Identifier[] | null>(null);
  const [track, setTrack] = useState(REGISTERED);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const close = () => {
    setIds(null);
    setProblem(null);
  };
  const enrol = async () => {
    if (!ids?.length) return;
    setPending(true);
    setProblem(null);
    try {
      const result = await dataProvider.enrolCases(campaign.id, {
        operators: ids.map((id) => ({
          operatorId: String(id),
          ...(track !== REGISTERED ? { track } : {}),
        })),
      });
      close();
      notify('app.enrolment.enrolled', { type: 'success', messageArgs: { ...result } });
      refresh();
      onUnselectItems();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button label="app.enrolment.enrol" data-testid="enrol-selected" onClick={() => setIds([...selectedIds])}>
        <PersonAddIcon />
      </Button>
      <Dialog open={ids != null} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.enrolment.enrol_title', { smart_count: ids?.length ?? 0 })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2">{translate('app.enrolment.track_choice')}</Typography>
            <RadioGroup value={track} onChange={(event) => setTrack(event.target.value)}>
              <FormControlLabel value={REGISTERED} control={<Radio />} label={translate('app.enrolment.registered_track')} />
              {tracks.map((t) => (
                <FormControlLabel key={t.key} value={t.key} control={<Radio />} label={localized(t)} />
              ))}
            </RadioGroup>
            <ProblemAlert problem={problem} title="app.enrolment.enrol_failed" testId="enrol-problem" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} />
          <Button label="app.enrolment.enrol" variant="contained" data-testid="enrol-confirm" disabled={pending || !ids?.length} onClick={enrol} />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** 批量导入: a CSV or Excel sheet of 统一社会信用代码,赛道 (with a blank Excel template). All lines or none: every bad line is listed. */
const CsvImport = ({ campaign, disabled }: { campaign: Campaign; disabled: boolean }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const csv = useCsvImport((file) => dataProvider.importCases(campaign.id, file), 'app.enrolment.enrolled');
  return (
    <CsvImportPanel
      csv={csv}
      testIdPrefix="csv"
      helper="app.enrolment.csv_helper"
      failedTitle="app.enrolment.import_failed"
      disabled={disabled}
      spacing={1}
      sx={{ maxWidth: '56rem' }}
    >
      <CsvUploadButton csv={csv} testIdPrefix="csv" disabled={disabled} />
      <DownloadButton path="/import-templates/enrolment/xlsx" filename="纳入经营主体模板.xlsx" label="app.common.template_xlsx" testId="csv-template-xlsx" />
    </CsvImportPanel>
  );
};

/** 纳入: candidates from the operator register with earlier years' flags, and enrolment. */
export const EnrolmentTab = (_props: { label?: false }) => {
  const campaign = useRecordContext<Campaign>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const { tracks, revocationGrounds, enrolmentStage } = useCampaignRules(campaign);
  if (!campaign) return null;
  const stage = campaign.stages?.find((s) => s.key === enrolmentStage);
  const closed = stage?.status === 'closed' || campaign.status === 'completed';
  const canEnrol = canRunCampaigns(permissions) && !closed;
  const trackChoices = tracks.map((t) => ({ id: t.key, name: t.name }));
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="track" source="track" choices={trackChoices} translateChoice={false} alwaysOn />,
    <NullableBooleanInput key="enrolled" source="enrolled" alwaysOn />,
    <ReferenceInput key="jurisdictionId" source="jurisdictionId" reference="jurisdictions" alwaysOn>
      <AutocompleteInput />
    </ReferenceInput>,
  ];
  return (
    <Box data-testid="enrolment-tab">
      {closed && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.enrolment.closed')}
        </Alert>
      )}
      <Section title="app.enrolment.candidates">
        <ListBase<Candidate>
          resource="candidates"
          queryOptions={{ meta: { campaignId: campaign.id } }}
          disableSyncWithLocation
          storeKey={false}
          sort={{ field: 'name', order: 'ASC' }}
          perPage={25}
        >
          <FilterForm filters={filters} />
          <Datagrid
            data-testid="candidates"
            rowClick={false}
            bulkActionButtons={canEnrol ? <EnrolSelectedButton campaign={campaign} tracks={tracks} /> : false}
            isRowSelectable={(candidate) => !candidate.enrolled}
          >
            <TextField source="name" />
            <TextField source="uscc" sortable={false} />
            <EnumField source="track" prefix="app.operator.track" sortable={false} />
            <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
            <DateTimeField source="registeredOn" showTime={false} />
            <EnrolledField source="enrolled" sortable={false} />
            <CandidateFlags source="flags" sortable={false} grounds={revocationGrounds} />
          </Datagrid>
          <Pagination />
        </ListBase>
      </Section>
      {canEnrol && (
        <Section title="app.enrolment.csv_title">
          <CsvImport campaign={campaign} disabled={closed} />
        </Section>
      )}
    </Box>
  );
};
