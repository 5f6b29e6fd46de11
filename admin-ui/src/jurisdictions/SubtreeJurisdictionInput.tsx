import { AutocompleteInput, useGetIdentity, useGetList, useTranslate, type Validator } from 'react-admin';
import type { Jurisdiction } from '../types';

/** Whether `j` is the jurisdiction `mine` or lies under it (paths are /330500/330522/…/). */
export const inSubtree = (j: Pick<Jurisdiction, 'id' | 'path'>, mine: string | undefined) => !!mine && (j.id === mine || (j.path ?? '').includes(`/${mine}/`));

/**
 * Every jurisdiction GET /api/jurisdictions lists to the signed-in user, in tree order. A bureau's
 * subtree is a few hundred jurisdictions at most: one page (the API allows 1000).
 */
export const useJurisdictionTree = () =>
  useGetList<Jurisdiction>('jurisdictions', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'path', order: 'ASC' },
  });

/**
 * A jurisdiction of the signed-in user's own subtree (where an admin may place users or add
 * jurisdictions). GET /api/jurisdictions also lists the chain above for breadcrumbs; those are left
 * out here, since the API refuses them (403). Each is named with its level; `filter` narrows further.
 */
export const SubtreeJurisdictionInput = ({
  source,
  label,
  validate,
  filter,
  helperText,
  disabled,
}: {
  disabled?: boolean;
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  filter?: (j: Jurisdiction) => boolean;
  helperText?: string;
}) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const mine = identity?.jurisdictionId as string | undefined;
  const { data = [], isPending } = useJurisdictionTree();
  const choices = data
    .filter((j) => inSubtree(j, mine) && (!filter || filter(j)))
    .map((j) => ({ id: j.id, name: `${j.name}（${translate(`app.jurisdiction.level.${j.level}`, { _: j.level })}）` }));
  return (
    <AutocompleteInput
      source={source}
      label={label}
      choices={choices}
      translateChoice={false}
      isPending={isPending}
      validate={validate}
      helperText={helperText}
      disabled={disabled}
      sx={{ minWidth: '20rem' }}
    />
  );
};
