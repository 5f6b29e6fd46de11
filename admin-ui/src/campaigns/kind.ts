import type { Campaign, CampaignDefinitionOf, ProgrammeKind } from '../types';

/** The campaign's programme kind: on every record from the API (a list row has no definition). */
export const campaignKind = (campaign?: Campaign): ProgrammeKind | undefined => campaign?.kind ?? campaign?.definition?.kind;

/** The campaign's definition (GET /campaigns/:id) when its programme is of `kind`. */
export const definitionOf = <K extends ProgrammeKind>(campaign: Campaign | undefined, kind: K): CampaignDefinitionOf<K> | undefined =>
  campaign?.definition?.kind === kind ? (campaign.definition as CampaignDefinitionOf<K>) : undefined;
