import { Typography } from '@mui/material';
import { Create, FormDataConsumer, maxLength, regex, required, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { jurisdictionLevelChoices } from '../choices';
import { childLevel, LEVELS, type Level } from './api';
import { SubtreeJurisdictionInput, useJurisdictionTree } from './SubtreeJurisdictionInput';

const CODE = /^\d{6}(\d{3})?$/;

/** The levels below the parent's (the API refuses a jurisdiction at or above its parent's level). */
const LevelInput = () => {
  const { data = [] } = useJurisdictionTree();
  return (
    <FormDataConsumer<{ parentId?: string }>>
      {({ formData }) => {
        const parent = data.find((j) => j.id === formData.parentId);
        const rank = parent ? LEVELS.indexOf(parent.level as Level) : -1;
        const choices = jurisdictionLevelChoices.filter((c) => LEVELS.indexOf(c.id as Level) > rank);
        return <SelectInput source="level" choices={choices} validate={required()} sx={{ minWidth: '12rem' }} />;
      }}
    </FormDataConsumer>
  );
};

/**
 * 新增下级机构 (admin): POST /api/jurisdictions {id, name, level, parentId, reason}. The code is the
 * GB/T 2260 division code (six digits) or, for a 基层所, its county's code and three more digits; the
 * API checks that it fits the level and nests in the parent's. Opened from a jurisdiction's page, the
 * parent and the next level are filled in.
 */
export const JurisdictionCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" title={translate('app.jurisdiction.create')}>
      <SimpleForm data-testid="jurisdiction-form">
        <SubtreeJurisdictionInput source="parentId" label="resources.jurisdictions.fields.parentId" validate={required()} filter={(j) => !!childLevel(j)} />
        <LevelInput />
        <TextInput
          source="id"
          validate={[required(), regex(CODE, 'app.jurisdiction.code_invalid')]}
          helperText="app.jurisdiction.code_helper"
          sx={{ minWidth: '20rem' }}
        />
        <TextInput source="name" validate={[required(), maxLength(50)]} sx={{ minWidth: '20rem' }} />
        <TextInput source="reason" label="app.user.reason" validate={maxLength(500)} multiline fullWidth />
        <Typography variant="body2" color="text.secondary">
          {translate('app.jurisdiction.create_helper')}
        </Typography>
      </SimpleForm>
    </Create>
  );
};
