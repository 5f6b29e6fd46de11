import { Chip } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/fields';
import { useLocalizedName } from '../common/useLocalizedName';
import { canEditProgrammes } from '../permissions';
import type { ProgrammeRecord, Role } from '../types';

// Only filters the API accepts: q, builtIn.
const programmeFilters = [<SearchInput key="q" source="q" alwaysOn />, <NullableBooleanInput key="builtIn" source="builtIn" alwaysOn />];

/** 内置 for a programme in code, v<N> for a defined one. */
export const ProgrammeKindChip = ({ programme }: { programme: ProgrammeRecord }) => {
  const translate = useTranslate();
  return programme.builtIn ? (
    <Chip size="small" label={translate('app.programme.built_in')} data-testid="programme-built-in" />
  ) : (
    <Chip
      size="small"
      color="primary"
      variant="outlined"
      label={translate('app.programme.version', { version: programme.version ?? '' })}
      data-testid="programme-version"
    />
  );
};

const ProgrammeListActions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canEditProgrammes(permissions) && <CreateButton label="app.programme.create" />}</TopToolbar>;
};

/** 活动项目: the built-in programmes and those defined as data, latest version. */
export const ProgrammeList = () => {
  const localized = useLocalizedName();
  return (
    <List filters={programmeFilters} sort={{ field: 'id', order: 'ASC' }} perPage={25} actions={<ProgrammeListActions />}>
      <Datagrid rowClick="show" bulkActionButtons={false} data-testid="programmes">
        <TextField source="id" />
        <FunctionField<ProgrammeRecord> source="name" render={(p) => localized(p)} />
        <FunctionField<ProgrammeRecord> source="version" render={(p) => <ProgrammeKindChip programme={p} />} />
        <FunctionField<ProgrammeRecord> label="resources.programmes.fields.stages" render={(p) => (Array.isArray(p.stages) ? p.stages.length : '')} />
        <TextField source="jurisdictionName" sortable={false} emptyText="" />
        <TextField source="createdByName" sortable={false} emptyText="" />
        <DateTimeField source="createdAt" sortable={false} />
      </Datagrid>
    </List>
  );
};
