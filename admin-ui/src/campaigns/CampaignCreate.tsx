import { Box, Typography } from '@mui/material';
import {
    AutocompleteInput,
    Create,
    DateInput,
    FormDataConsumer,
    minValue,
    NumberInput,
    ReferenceInput,
    required,
    SelectInput,
    SimpleForm,
    TextInput,
    useTranslate,
} from 'react-admin';
import { currentYear, programmeDate } from '../common/dates';
import { useProgrammes } from '../common/programmes';
import { useLocalizedName } from '../common/useLocalizedName';
import type { CampaignBody, Programme, ProgrammeStage } from '../types';

interface CampaignFormValues {
    programme?: string;
    year?: number;
    jurisdictionId?: string;
    name?: string;
    reminderLeadHours?: number | null;
    /** Optional overrides, by the index of the programme's stage (matches the API's error paths). */
    stages?: ({ startsAt?: string | null; dueAt?: string | null } | undefined)[];
}

/** Form values → POST /api/campaigns body. Stages are sent only when a date was overridden. */
const toCampaignBody = (values: CampaignFormValues, programmes: Programme[]): CampaignBody => {
    const year = Number(values.year);
    const body: CampaignBody = {
        programme: values.programme ?? '',
        year,
        jurisdictionId: values.jurisdictionId ?? '',
    };
    const name = values.name?.trim();
    if (name) body.name = name;
    if (values.reminderLeadHours != null) body.reminderLeadHours = Number(values.reminderLeadHours);
    const overrides = values.stages ?? [];
    const programme = programmes.find(p => p.id === values.programme);
    if (programme && overrides.some(s => s?.startsAt || s?.dueAt)) {
        body.stages = programme.stages.map((stage, i) => ({
            key: stage.key,
            startsAt: overrides[i]?.startsAt || programmeDate(year, stage.defaultStart),
            dueAt: overrides[i]?.dueAt || programmeDate(year, stage.defaultDue),
        }));
    }
    return body;
};

const StageDatesRow = ({ stage, index, year }: { stage: ProgrammeStage; index: number; year?: number }) => {
    const translate = useTranslate();
    const localized = useLocalizedName();
    const defaultText = (monthDay: string) =>
        translate('app.campaign.default_date', { date: year ? programmeDate(year, monthDay) : monthDay });
    return (
        <Box
            data-testid={`stage-dates-${stage.key}`}
            sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2 }}
        >
            <Typography sx={{ width: '10rem' }}>{localized(stage)}</Typography>
            <DateInput
                source={`stages.${index}.startsAt`}
                label="app.campaign.startsAt"
                fullWidth={false}
                helperText={defaultText(stage.defaultStart)}
            />
            <DateInput
                source={`stages.${index}.dueAt`}
                label="app.campaign.dueAt"
                fullWidth={false}
                helperText={defaultText(stage.defaultDue)}
            />
        </Box>
    );
};

const StageCalendarInputs = ({ programmes }: { programmes: Programme[] }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ width: '100%' }}>
            <Typography variant="subtitle1" sx={{ mt: 2, mb: 1 }}>
                {translate('app.campaign.calendar')}
            </Typography>
            <FormDataConsumer<CampaignFormValues>>
                {({ formData }) => {
                    const programme = programmes.find(p => p.id === formData.programme);
                    if (!programme) {
                        return (
                            <Typography color="text.secondary">
                                {translate('app.campaign.choose_programme')}
                            </Typography>
                        );
                    }
                    return programme.stages.map((stage, index) => (
                        <StageDatesRow
                            key={`${programme.id}-${stage.key}`}
                            stage={stage}
                            index={index}
                            year={formData.year}
                        />
                    ));
                }}
            </FormDataConsumer>
        </Box>
    );
};

export const CampaignCreate = () => {
    const { data: programmes = [], isPending } = useProgrammes();
    const localized = useLocalizedName();
    return (
        <Create
            redirect="show"
            transform={(values: CampaignFormValues) => toCampaignBody(values, programmes)}
        >
            <SimpleForm defaultValues={{ year: currentYear(), reminderLeadHours: 72 }} sx={{ maxWidth: '56rem' }}>
                <SelectInput
                    source="programme"
                    choices={programmes}
                    optionText={(p: Programme) => localized(p)}
                    translateChoice={false}
                    isPending={isPending}
                    validate={required()}
                />
                <NumberInput source="year" validate={[required(), minValue(2000)]} />
                <ReferenceInput source="jurisdictionId" reference="jurisdictions">
                    <AutocompleteInput validate={required()} />
                </ReferenceInput>
                <TextInput source="name" />
                <NumberInput source="reminderLeadHours" validate={minValue(0)} />
                <StageCalendarInputs programmes={programmes} />
            </SimpleForm>
        </Create>
    );
};
