import { useEffect, useState } from 'react';
import EventIcon from '@mui/icons-material/Event';
import StopCircleIcon from '@mui/icons-material/StopCircle';
import { useQuery } from '@tanstack/react-query';
import { TextField } from '@mui/material';
import { Button, useDataProvider, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { shanghaiDay } from '../common/dates';
import { ReasonDialog } from '../common/ReasonDialog';
import { useActionMutation } from '../common/useActionMutation';
import { useLocalizedName } from '../common/useLocalizedName';
import type { AppDataProvider } from '../dataProvider';
import { previewExtension } from './extensionApi';
import { ExtensionPreviewTable } from './ExtensionPreview';
import type { StageRow } from './stageRows';

interface StageActionProps {
  campaignId: Identifier;
  stage: StageRow;
}

/** 提前结束: closes an open stage before its deadline. */
export const CloseStageButton = ({ campaignId, stage }: StageActionProps) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const { mutate, isPending } = useActionMutation(
    (reason: string) => dataProvider.closeStage(campaignId, stage.key, reason),
    // 202: the campaign has accepted the close and is still marking open work overdue (api/README.md).
    (closed) => (closed.closing ? 'app.stage.closing' : 'app.stage.closed'),
    (closed) => {
      setOpen(false);
      setClosing(!!closed.closing);
    },
  );
  // Still closing: the page reads the stage again every 2 s, for at most a minute, until it shows closed
  // (this button is then gone, and its timer with it).
  useEffect(() => {
    if (!closing) return;
    let left = 30;
    const timer = setInterval(() => (left-- > 0 ? refresh() : clearInterval(timer)), 2000);
    return () => clearInterval(timer);
  }, [closing, refresh]);
  return (
    <>
      <Button label="app.stage.close" color="warning" data-testid={`close-stage-${stage.key}`} onClick={() => setOpen(true)}>
        <StopCircleIcon />
      </Button>
      <ReasonDialog
        open={open}
        title={translate('app.stage.close_title', { name: localized(stage) })}
        reasonLabel="app.stage.reason"
        pending={isPending}
        onClose={() => setOpen(false)}
        onConfirm={mutate}
        testId="stage-action"
      />
    </>
  );
};

/**
 * 延期: moves a stage's deadline (a bare date is end of that day, Asia/Shanghai). Before its confirm
 * button the dialog shows the calendar the new deadline gives (later stages it reaches move by as much)
 * or why it would be refused, and only a previewed deadline can be confirmed.
 */
export const ExtendStageButton = ({ campaignId, stage }: StageActionProps) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [dueAt, setDueAt] = useState(() => shanghaiDay(stage.dueAt));
  const changed = !!dueAt && dueAt !== shanghaiDay(stage.dueAt);
  const preview = useQuery({
    queryKey: ['extension-preview', campaignId, stage.key, dueAt],
    queryFn: ({ signal }) => previewExtension(campaignId, stage.key, dueAt, signal),
    enabled: open && changed,
    retry: false,
  });
  const { mutate, isPending } = useActionMutation(
    (reason: string) => dataProvider.extendStage(campaignId, stage.key, dueAt, reason),
    'app.stage.extended',
    () => setOpen(false),
  );
  return (
    <>
      <Button label="app.stage.extend" data-testid={`extend-stage-${stage.key}`} onClick={() => setOpen(true)}>
        <EventIcon />
      </Button>
      <ReasonDialog
        open={open}
        title={translate('app.stage.extend_title', { name: localized(stage) })}
        reasonLabel="app.stage.reason"
        pending={isPending}
        canConfirm={changed && preview.isSuccess && !preview.isFetching}
        onClose={() => setOpen(false)}
        onConfirm={mutate}
        testId="stage-action"
      >
        <TextField
          type="date"
          label={translate('app.stage.new_due')}
          value={dueAt}
          onChange={(event) => setDueAt(event.target.value)}
          required
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'stage-action-date' },
          }}
        />
        {changed && <ExtensionPreviewTable preview={preview.data} loading={preview.isFetching} error={preview.error} />}
      </ReasonDialog>
    </>
  );
};
