import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';

// Filter inputs shared by the list pages (each list passes its own array to <List filters>).

/** By campaign: a select of the campaigns; shown at once unless `alwaysOn` is false. */
export const campaignFilter = ({ alwaysOn = true }: { alwaysOn?: boolean } = {}) => (
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn={alwaysOn}>
    <SelectInput />
  </ReferenceInput>
);

/** By jurisdiction: an autocomplete over the jurisdictions; added from the filter menu unless `alwaysOn`. */
export const jurisdictionFilter = ({ alwaysOn = false }: { alwaysOn?: boolean } = {}) => (
  <ReferenceInput key="jurisdictionId" source="jurisdictionId" reference="jurisdictions" alwaysOn={alwaysOn}>
    <AutocompleteInput />
  </ReferenceInput>
);
