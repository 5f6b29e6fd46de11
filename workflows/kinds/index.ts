// Each programme kind's part of the campaign workflow (README "Architecture: programme kinds"): the
// calendar (workflows/campaign.ts) installs the one of its campaign's kind. A new kind is a compile error
// here until it has an installer.
import type { ProgrammeKind } from '../../domain/programmes/index.js';
import { caseWorkflowId } from '../ids.js';
import { installIntake } from '../intake-campaign.js';
import type { CampaignHost, KindPart } from './host.js';
import { installAward } from './staged-award.js';
import { installCultivationList, installDefinedRoster } from './lists.js';

const INSTALLERS = {
  staged_award: installAward,
  application: installCultivationList,
  // Lijiang: applications, review batches and dynamic scoring (workflows/intake-campaign.ts).
  register: (host) => {
    const intake = installIntake({ ...host, caseWorkflowId });
    return { afterProjection: () => intake.startScoring(), settled: () => true };
  },
  defined: installDefinedRoster,
} satisfies { [K in ProgrammeKind]: (host: CampaignHost<K>) => KindPart };

export function installKind(host: CampaignHost<ProgrammeKind> & { def: { kind: ProgrammeKind } }): KindPart {
  // The map is typed per kind; the host's definition is of its own kind.
  const install = INSTALLERS[host.def.kind] as (h: CampaignHost<ProgrammeKind>) => KindPart;
  return install(host);
}
