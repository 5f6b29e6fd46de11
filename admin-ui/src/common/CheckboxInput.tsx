import { Checkbox, FormControlLabel } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';

/** A plain checkbox bound to a boolean form value (BooleanInput renders a switch). */
export const CheckboxInput = ({ source, label }: { source: string; label: string }) => {
    const { field } = useInput({ source, defaultValue: false });
    const translate = useTranslate();
    return (
        <FormControlLabel
            label={translate(label)}
            control={
                <Checkbox
                    name={field.name}
                    checked={Boolean(field.value)}
                    onChange={event => field.onChange(event.target.checked)}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                />
            }
        />
    );
};
