import { Checkbox, FormControlLabel, FormHelperText } from '@mui/material';
import { useInput, useTranslate, ValidationError, type Validator } from 'react-admin';

/** A plain checkbox bound to a boolean form value (BooleanInput renders a switch). */
export const CheckboxInput = ({ source, label, validate }: { source: string; label: string; validate?: Validator | Validator[] }) => {
  const { field, fieldState } = useInput({ source, defaultValue: false, validate });
  const translate = useTranslate();
  const error = fieldState.error?.message;
  return (
    <>
      <FormControlLabel
        label={translate(label)}
        control={
          <Checkbox
            name={field.name}
            checked={Boolean(field.value)}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
            inputRef={field.ref}
          />
        }
      />
      {/* ValidationError reads react-admin's "@@react-admin@@" form of a validator's message and translates it. */}
      {error && (
        <FormHelperText error>
          <ValidationError error={error} />
        </FormHelperText>
      )}
    </>
  );
};
