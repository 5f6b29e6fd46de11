import {
    Datagrid,
    List,
    NumberField,
    ReferenceField,
    ReferenceInput,
    SelectInput,
} from 'react-admin';
import { rosterKindChoices, rosterKindColors } from '../choices';
import { DateTimeField, EnumChipField } from '../common/fields';
import { EntryCountField, SupersededField } from './RosterFields';

// The API filters rosters by campaign and kind only.
const rosterFilters = [
    <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn>
        <SelectInput />
    </ReferenceInput>,
    <SelectInput key="kind" source="kind" choices={rosterKindChoices} alwaysOn />,
];

/** Published lists (公示, award, 红榜, 黑榜): dated and immutable, the newest of a kind is current. */
export const RosterList = () => (
    <List filters={rosterFilters} sort={{ field: 'publishedAt', order: 'DESC' }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <ReferenceField source="campaignId" reference="campaigns" link={false} sortable={false} />
            <EnumChipField source="kind" prefix="app.roster.kind" colors={rosterKindColors} />
            <NumberField source="seq" />
            <DateTimeField source="publishedAt" />
            <DateTimeField source="windowEndsAt" sortable={false} />
            <EntryCountField source="entries" sortable={false} />
            <SupersededField source="superseded" sortable={false} />
        </Datagrid>
    </List>
);
