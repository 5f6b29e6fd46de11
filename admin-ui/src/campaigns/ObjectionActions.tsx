import { useState } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';
import { Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { Button, useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { objectionDecisionChoices } from '../choices';
import { ProblemAlert } from '../common/ProblemAlert';
import type { AppDataProvider } from '../dataProvider';
import { problemOf, type Problem } from '../httpClient';
import { canRunCampaigns } from '../permissions';
import type { Objection, Role } from '../types';

/**
 * 处理异议: upheld (the case leaves the list, with the reason) or dismissed, with the resolution.
 * Coordinators only, while the objection is open.
 */
export const ResolveObjectionButton = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const objection = useRecordContext<Objection>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<'upheld' | 'dismissed' | ''>('');
  const [resolution, setResolution] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!objection || objection.status !== 'open' || !canRunCampaigns(permissions)) return null;
  const resolve = async () => {
    if (!decision) return;
    setPending(true);
    setProblem(null);
    try {
      await dataProvider.resolveObjection(objection.id, { decision, resolution: resolution.trim() });
      notify('app.objection.resolved', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button
        label="app.objection.resolve"
        data-testid={`resolve-objection-${objection.id}`}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <GavelIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="sm"
        // Inside a Datagrid row: a click in the dialog must not open the row.
        onClick={(event) => event.stopPropagation()}
      >
        <DialogTitle>{translate('app.objection.resolve_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label={translate('resources.objections.fields.content')} value={objection.content} multiline disabled />
            <RadioGroup row value={decision} onChange={(event) => setDecision(event.target.value as 'upheld' | 'dismissed')}>
              {objectionDecisionChoices.map((choice) => (
                <FormControlLabel key={choice.id} value={choice.id} control={<Radio />} label={translate(choice.name)} />
              ))}
            </RadioGroup>
            <TextField
              label={translate('resources.objections.fields.resolution')}
              helperText={translate('app.objection.resolution_helper')}
              value={resolution}
              onChange={(event) => setResolution(event.target.value)}
              required
              multiline
              minRows={2}
              slotProps={{ htmlInput: { 'data-testid': 'objection-resolution' } }}
            />
            <ProblemAlert problem={problem} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="ra.action.confirm"
            variant="contained"
            data-testid="objection-resolve-confirm"
            disabled={pending || !decision || !resolution.trim()}
            onClick={resolve}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
