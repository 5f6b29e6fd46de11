import type { ReactNode } from 'react';
import { Edit, SaveButton, SimpleForm, Toolbar, useTranslate } from 'react-admin';

/** `{ reason }` trimmed, or nothing when it is blank: the API takes an optional reason for the audit trail. */
export const optionalReason = (reason: string | undefined): { reason?: string } => (reason?.trim() ? { reason: reason.trim() } : {});

/** Save only: the API deletes none of these records (users are disabled, jurisdictions hold codes others hang on). */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * An admin's edit page whose change the API writes to the audit trail with a reason: it waits for
 * the API (pessimistic, so a refusal shows on the form), then opens the record's page.
 */
export const AuditedEdit = <Values extends object>({
  title,
  testId,
  transform,
  children,
}: {
  /** Translation key. */
  title: string;
  /** The form's test id. */
  testId: string;
  /** The body the API reads. */
  transform: (values: Values) => object;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={translate(title)} transform={transform}>
      <SimpleForm data-testid={testId} toolbar={<SaveOnly />}>
        {children}
      </SimpleForm>
    </Edit>
  );
};
