import {
    Box,
    Card,
    CardContent,
    CardHeader,
    Chip,
    LinearProgress,
    Stack,
    Typography,
} from '@mui/material';
import { Link, Loading, Title, useGetList, useTranslate } from 'react-admin';
import { daysUntil } from './common/dates';
import { useProgrammeName } from './common/programmes';
import { useLocalizedName } from './common/useLocalizedName';
import { StageStatusChip } from './campaigns/StageStatusChip';
import { stageRows, type StageRow } from './campaigns/stageRows';
import { useCampaignProgress } from './campaigns/useCampaignProgress';
import type { Campaign } from './types';

const StageProgressRow = ({ stage }: { stage: StageRow }) => {
    const translate = useTranslate();
    const localized = useLocalizedName();
    const done = stage.done ?? 0;
    const total = done + (stage.open ?? 0);
    return (
        <Box data-testid={`dashboard-stage-${stage.key}`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                <Typography variant="body2" sx={{ flexGrow: 1 }}>
                    {localized(stage)}
                </Typography>
                <StageStatusChip stage={stage} />
                {!!stage.overdue && (
                    <Chip
                        size="small"
                        color="error"
                        label={translate('app.dashboard.overdue_total', { smart_count: stage.overdue })}
                    />
                )}
                <Typography variant="body2" color="text.secondary">
                    {translate('app.dashboard.progress', { done, total })}
                </Typography>
            </Stack>
            <LinearProgress
                variant="determinate"
                value={total ? (done / total) * 100 : 0}
                color={stage.overdue ? 'error' : 'primary'}
            />
        </Box>
    );
};

/** Days to the earliest deadline still ahead among stages that have not ended. */
const NextDeadline = ({ stages }: { stages: StageRow[] }) => {
    const translate = useTranslate();
    const days = stages
        .filter(s => s.status !== 'closed')
        .map(s => daysUntil(s.dueAt))
        .filter(d => d >= 0);
    const next = days.length ? Math.min(...days) : undefined;
    const text =
        next == null
            ? translate('app.dashboard.no_deadline')
            : next === 0
              ? translate('app.dashboard.due_today')
              : translate('app.dashboard.next_deadline', { smart_count: next });
    return (
        <Typography variant="body2" color={next != null && next <= 3 ? 'warning.main' : 'text.secondary'}>
            {text}
        </Typography>
    );
};

const CampaignProgressCard = ({ campaign }: { campaign: Campaign }) => {
    const translate = useTranslate();
    const programmeName = useProgrammeName();
    const { data: progress, isPending } = useCampaignProgress(campaign.id);
    const stages = stageRows(campaign.stages, progress?.stages);
    const overdue = stages.reduce((sum, s) => sum + (s.overdue ?? 0), 0);
    return (
        <Card data-testid={`dashboard-campaign-${campaign.id}`}>
            <CardHeader
                title={
                    <Link to={`/campaigns/${encodeURIComponent(campaign.id)}/show`}>
                        {campaign.name || `${programmeName(campaign.programme)} ${campaign.year}`}
                    </Link>
                }
                subheader={<NextDeadline stages={stages} />}
                action={
                    overdue > 0 && (
                        <Chip
                            color="error"
                            label={translate('app.dashboard.overdue_total', { smart_count: overdue })}
                        />
                    )
                }
            />
            <CardContent>
                {isPending && !stages.length ? (
                    <LinearProgress />
                ) : (
                    <Stack spacing={2}>
                        {stages.map(stage => (
                            <StageProgressRow key={stage.key} stage={stage} />
                        ))}
                    </Stack>
                )}
            </CardContent>
        </Card>
    );
};

/** Leaders' view: progress, overdue work and the next deadline of every running campaign. */
export const Dashboard = () => {
    const translate = useTranslate();
    const { data: campaigns, isPending } = useGetList<Campaign>('campaigns', {
        filter: { status: 'running' },
        pagination: { page: 1, perPage: 50 },
        sort: { field: 'launchedAt', order: 'DESC' },
    });
    return (
        <Box sx={{ mt: 2 }}>
            <Title title="app.dashboard.title" />
            {isPending ? (
                <Loading />
            ) : !campaigns?.length ? (
                <Card>
                    <CardContent>
                        <Typography color="text.secondary">{translate('app.dashboard.no_running')}</Typography>
                    </CardContent>
                </Card>
            ) : (
                <Stack spacing={2}>
                    {campaigns.map(campaign => (
                        <CampaignProgressCard key={campaign.id} campaign={campaign} />
                    ))}
                </Stack>
            )}
        </Box>
    );
};
