import { useState } from 'react';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Form, ResourceContextProvider, maxLength, SaveButton, TextInput, useInput, useNotify, useTranslate } from 'react-admin';
import { inputErrors } from '../../common/formErrors';
import { ProblemAlert } from '../../common/ProblemAlert';
import { problemOf, type Problem } from '../../httpClient';
import { StickyActions } from '../../layout/StickyActions';
import { AttachmentInput } from '../../registers/AttachmentInput';
import {
  applicationFormValues,
  ApplicationFormInputs,
  isApplicationInput,
  renameApplicationPath,
  toApplicationForm,
  type ApplicationFormValues,
} from '../../tasks/ApplicationFormInputs';
import type { EvidenceFile } from '../../tasks/EvidenceFiles';
import { resubmitApplication, type ApplicationView } from './api';

interface ResubmitValues extends ApplicationFormValues {
  kept?: string[];
  attachmentIds?: string[];
  supplied?: string;
}

/** The files already filed with the application: kept unless removed here. */
const KeptFiles = ({ files }: { files: EvidenceFile[] }) => {
  const translate = useTranslate();
  const { field } = useInput({ source: 'kept', defaultValue: [] });
  const ids: string[] = Array.isArray(field.value) ? field.value : [];
  if (!files.length) return null;
  return (
    <Box data-testid="zhoushan-kept-files">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {translate('app.zhoushan_portal.kept_attachments')}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {files
          .filter((f) => ids.includes(f.id))
          .map((f) => (
            <Chip key={f.id} label={f.filename} onDelete={() => field.onChange(ids.filter((id) => id !== f.id))} />
          ))}
      </Stack>
    </Box>
  );
};

const isInput = (path: string) => path.startsWith('attachmentIds') || path === 'supplied' || isApplicationInput(path);
const rename = (path: string) => (path.startsWith('attachmentIds') ? 'attachmentIds' : renameApplicationPath(path));

/**
 * 补充材料 (舟山方案 六、（二）): after a return the live room edits its own application, keeps or removes
 * the files it filed, adds what was missing, and sends it again: the API stores it as the next version and
 * the county pre-reviews it, shown what changed.
 */
export const ResubmitForm = ({ application, onDone }: { application: ApplicationView; onDone?: () => void }) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const files = application.application.attachments;
  const record = { ...applicationFormValues(application.application.form), kept: files.map((f) => f.id), attachmentIds: [], supplied: '' };
  const submit = async (values: ResubmitValues) => {
    setProblem(null);
    const supplied = values.supplied?.trim();
    try {
      await resubmitApplication(application.id, {
        form: toApplicationForm(values),
        attachmentIds: [...(values.kept ?? []), ...(values.attachmentIds ?? [])],
        ...(supplied ? { supplied } : {}),
      });
      notify('app.zhoushan_portal.resubmitted', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      onDone?.();
      return undefined;
    } catch (error) {
      // Shown once, on the form (its alert and fields), not again in a toast over the form's buttons.
      setProblem(problemOf(error));
      return inputErrors(error, isInput, rename);
    }
  };
  return (
    // react-admin's array inputs need a resource to name their items (the portal's pages have none).
    <ResourceContextProvider value="portal/applications">
      <Form record={record} onSubmit={submit}>
        <Stack spacing={1} data-testid="zhoushan-resubmit-form">
          <ApplicationFormInputs statement={false} />
          <KeptFiles files={files} />
          <AttachmentInput
            source="attachmentIds"
            label="app.zhoushan_portal.new_attachments"
            helperText="app.zhoushan_portal.attachments_helper"
            testId="zhoushan-new-attachments"
          />
          <TextInput source="supplied" label="app.zhoushan_portal.supplied" multiline minRows={2} validate={maxLength(2000)} />
          <ProblemAlert problem={problem} testId="zhoushan-resubmit-problem" />
          <StickyActions>
            <SaveButton label="app.zhoushan_portal.resubmit" data-testid="zhoushan-resubmit" alwaysEnable />
          </StickyActions>
        </Stack>
      </Form>
    </ResourceContextProvider>
  );
};
